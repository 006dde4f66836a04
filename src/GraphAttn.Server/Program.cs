using GraphAttn.Server.Hosting;
using Microsoft.Extensions.Options;

// Content root = the binaries' folder, so appsettings.json and the bundled demo graph are found from any working
// directory (dotnet run, a published folder, a container).
var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = AppContext.BaseDirectory });
builder.AddGraphAttn();

var app = builder.Build();
try
{
    app.MapGraphAttn();
}
catch (OptionsValidationException ex)
{
    // Settings that cannot work (or would serve unprotected beyond loopback): say which, exit before binding a port.
    Console.Error.WriteLine($"GraphAttn cannot start:{Environment.NewLine}  {string.Join(Environment.NewLine + "  ", ex.Failures)}");
    return 1;
}
app.Run();
return 0;
