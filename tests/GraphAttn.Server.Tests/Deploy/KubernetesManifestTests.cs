using System.Globalization;
using GraphAttn.Server.Health;
using GraphAttn.Server.Hosting;
using YamlDotNet.RepresentationModel;

namespace GraphAttn.Server.Tests.Deploy;

/// <summary>
/// The manifests in deploy/k8s, read as YAML: what a cluster would do with them that matters for running safely
/// (non-root, read-only root, readable secrets, limits, probes that name real health services, disruption budget).
/// </summary>
public class KubernetesManifestTests
{
    private const int AppUid = 1654; // APP_UID of the .NET runtime images, `USER $APP_UID` in deploy/Dockerfile
    private static readonly List<YamlMappingNode> Documents = Load();

    private static IEnumerable<(string Name, YamlMappingNode Pod)> PodSpecs() =>
        Documents.Select(d => (Name: Text(d, "metadata.name"), Pod: Kind(d) switch
        {
            "Deployment" => Map(d, "spec.template.spec"),
            "CronJob" => Map(d, "spec.jobTemplate.spec.template.spec"),
            _ => null,
        })).Where(p => p.Pod is not null).Select(p => (p.Name, p.Pod!));

    [Fact]
    public void EveryPod_RunsAsTheImagesNonRootUser_WithReadOnlyRootAndNoPrivileges()
    {
        Assert.Contains("USER $APP_UID", File.ReadAllText(Path.Combine(RepoPaths.Root, "deploy", "Dockerfile")));
        var pods = PodSpecs().ToList();
        Assert.Equal(3, pods.Count);
        foreach (var (name, pod) in pods)
        {
            Assert.True(Text(pod, "securityContext.runAsNonRoot") == "true", name);
            Assert.Equal(AppUid.ToString(CultureInfo.InvariantCulture), Text(pod, "securityContext.runAsUser"));
            Assert.Equal(AppUid.ToString(CultureInfo.InvariantCulture), Text(pod, "securityContext.fsGroup"));
            var tmpVolumes = Seq(pod, "volumes").Cast<YamlMappingNode>().Where(v => v.Children.ContainsKey("emptyDir")).Select(v => Text(v, "name")).ToHashSet();
            foreach (var container in Seq(pod, "containers").Cast<YamlMappingNode>())
            {
                var where = $"{name}/{Text(container, "name")}";
                Assert.True(Text(container, "securityContext.allowPrivilegeEscalation") == "false", where);
                Assert.True(Text(container, "securityContext.readOnlyRootFilesystem") == "true", where);
                Assert.Contains("ALL", Seq(container, "securityContext.capabilities.drop").Select(n => n.ToString()));
                // A read-only root needs a writable /tmp.
                Assert.Contains(Seq(container, "volumeMounts").Cast<YamlMappingNode>(),
                    m => Text(m, "mountPath") == "/tmp" && tmpVolumes.Contains(Text(m, "name")));
            }
        }
    }

    [Fact]
    public void SecretVolumes_ReadableByThePodsGroup()
    {
        foreach (var (name, pod) in PodSpecs())
        {
            foreach (var volume in Seq(pod, "volumes").Cast<YamlMappingNode>().Where(v => v.Children.ContainsKey("secret")))
            {
                // YAML 1.1 reads 0440 as octal; mode bits must let the group (fsGroup = the app user's group) read.
                var raw = Text(volume, "secret.defaultMode");
                var mode = raw.StartsWith('0') ? Convert.ToInt32(raw, 8) : int.Parse(raw, CultureInfo.InvariantCulture);
                Assert.True((mode & 0b100_000) != 0, $"{name}: secret volume {Text(volume, "name")} mode {raw} is not group-readable");
            }
        }
    }

    [Fact]
    public void EveryContainer_HasCpuAndMemoryLimits_AndTheProcessorCountMatchesTheCpuLimit()
    {
        foreach (var (name, pod) in PodSpecs())
        {
            foreach (var container in Seq(pod, "containers").Cast<YamlMappingNode>())
            {
                var cpu = Text(container, "resources.limits.cpu");
                Assert.False(string.IsNullOrEmpty(Text(container, "resources.limits.memory")), name);
                Assert.False(string.IsNullOrEmpty(Text(container, "resources.requests.cpu")), name);
                var processors = Seq(container, "env").Cast<YamlMappingNode>().FirstOrDefault(e => Text(e, "name") == "DOTNET_PROCESSOR_COUNT");
                if (processors is not null) Assert.Equal(cpu, Text(processors, "value"));
                Assert.False(string.IsNullOrEmpty(cpu), $"{name}: no CPU limit");
            }
        }
    }

    [Fact]
    public void Server_ProbesNameRealHealthServices_AndHasBudgetAndHeadlessService()
    {
        var known = new[] { "", GraphAttnHostingExtensions.LivenessService, ModelLiveHealthCheck.ServiceName, GraphAttnHostingExtensions.ModelReadyService };
        var deployment = Documents.Single(d => Kind(d) == "Deployment");
        var server = (YamlMappingNode)Seq(deployment, "spec.template.spec.containers")[0];
        foreach (var probe in new[] { "startupProbe", "readinessProbe", "livenessProbe" })
        {
            Assert.True(server.Children.ContainsKey(probe), probe);
            Assert.Contains(Text(server, $"{probe}.grpc.service"), known);
        }
        Assert.Equal(GraphAttnHostingExtensions.LivenessService, Text(server, "livenessProbe.grpc.service"));

        var labels = Text(deployment, "spec.template.metadata.labels.app");
        var budget = Documents.Single(d => Kind(d) == "PodDisruptionBudget");
        Assert.Equal(labels, Text(budget, "spec.selector.matchLabels.app"));
        Assert.Contains(Documents, d => Kind(d) == "Service" && Text(d, "spec.clusterIP") == "None" && Text(d, "spec.selector.app") == labels);
    }

    private static List<YamlMappingNode> Load()
    {
        var documents = new List<YamlMappingNode>();
        foreach (var file in Directory.GetFiles(Path.Combine(RepoPaths.Root, "deploy", "k8s"), "*.yaml").Order(StringComparer.Ordinal))
        {
            var stream = new YamlStream();
            using var reader = new StringReader(File.ReadAllText(file));
            stream.Load(reader);
            documents.AddRange(stream.Documents.Select(d => d.RootNode).OfType<YamlMappingNode>());
        }
        return documents;
    }

    private static string Kind(YamlMappingNode document) => Text(document, "kind");

    private static YamlNode? Node(YamlNode node, string path)
    {
        foreach (var key in path.Split('.'))
        {
            if (node is not YamlMappingNode map || !map.Children.TryGetValue(new YamlScalarNode(key), out var next)) return null;
            node = next;
        }
        return node;
    }

    private static string Text(YamlNode node, string path) => (Node(node, path) as YamlScalarNode)?.Value ?? "";

    private static YamlMappingNode? Map(YamlNode node, string path) => Node(node, path) as YamlMappingNode;

    private static IList<YamlNode> Seq(YamlNode node, string path) => (Node(node, path) as YamlSequenceNode)?.Children ?? [];
}
