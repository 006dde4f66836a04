using System.Net;
using System.Text.Json;
using GraphAttn.Server.Security;
using GraphAttn.Server.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace GraphAttn.Server.Tests.Operations;

public class JsonTranscodingTests
{
    [Fact]
    public async Task ReadRoutes_AnswerJson_UnderTheSameScopesAsGrpc()
    {
        using var credentials = new TestCredentials();
        await using var host = await TestServerHost.StartAsync(StubGraphSource.Ready(() => TestGraphs.Small()), settings: credentials.Settings());
        using var http = ((TestServer)host.Services.GetRequiredService<IServer>()).CreateClient();
        Task<HttpResponseMessage> Get(string path, string? scope)
        {
            var request = new HttpRequestMessage(HttpMethod.Get, path);
            if (scope is not null) request.Headers.Add("x-api-key", TestCredentials.ApiKey(scope));
            return http.SendAsync(request).WaitAsync(TestTimeouts.Default);
        }

        Assert.Equal(HttpStatusCode.Unauthorized, (await Get("/v1/users/ann/recommendations/content?limit=2", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/v1/users/ann/recommendations/content?limit=2", Scopes.Events)).StatusCode);

        using var content = JsonDocument.Parse(await (await Get("/v1/users/ann/recommendations/content?limit=2&explain=true", Scopes.Recommend)).Content.ReadAsStringAsync());
        Assert.Equal(2, content.RootElement.GetProperty("items").GetArrayLength());
        Assert.Equal("m3", content.RootElement.GetProperty("items")[0].GetProperty("contentId").GetString());
        using var friends = JsonDocument.Parse(await (await Get("/v1/users/cy/recommendations/friends?limit=5", Scopes.Recommend)).Content.ReadAsStringAsync());
        Assert.Equal("bo", friends.RootElement.GetProperty("users")[0].GetProperty("userId").GetString());
        using var profile = JsonDocument.Parse(await (await Get("/v1/users/ann/profile", Scopes.Recommend)).Content.ReadAsStringAsync());
        Assert.Equal("Ann", profile.RootElement.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await Get("/v1/users/nobody/profile", Scopes.Recommend)).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await Get("/v1/info", Scopes.Recommend)).StatusCode);
        using var info = JsonDocument.Parse(await (await Get("/v1/info", Scopes.Admin)).Content.ReadAsStringAsync());
        Assert.Equal(5, info.RootElement.GetProperty("counts").GetProperty("users").GetInt32());
    }
}
