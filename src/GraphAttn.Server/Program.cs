using GraphAttn.Server.Hosting;

var builder = WebApplication.CreateBuilder(args);
builder.AddGraphAttn();

var app = builder.Build();
app.MapGraphAttn();
app.Run();

/// <summary>Entry point; public so functional tests can host it with WebApplicationFactory-style test servers.</summary>
public partial class Program;
