using GraphAttn.Server.Hosting;

// Content root = the binaries' folder, so appsettings.json and the bundled demo graph are found from any working
// directory (dotnet run, a published folder, a container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGraphAttn();

var app = builder.Build();
app.MapGraphAttn();
app.Run();
