using System.Net;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using NSwag;
using NSwag.CodeGeneration.CSharp;
using NSwag.CodeGeneration.OperationNameGenerators;

namespace FlexWork.Web.Tests.Api;

/// <summary>
/// A client generated from <c>/openapi/v1.json</c> by a standard generator (NSwag), compiled in
/// the test and called with a bearer token: method names come from the operation ids, and a call
/// without the token is refused as the document says.
/// </summary>
public sealed class GeneratedClientTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_generated_client_signs_in_and_calls_the_api_by_operation_id()
    {
        var client = await CompileClientAsync();
        var api = Activator.CreateInstance(client, await fixture.ClientForAsync("pegawai@demo.go.id"))!; // the token rides on the HttpClient

        var me = await CallAsync(api, "GetMeAsync");
        Assert.Equal("Andi Pratama", Property(me, "FullName"));
        var checkedIn = await CallAsync(api, "PostPresenceCheckInAsync", Body(client, "PresenceInput", ("Latitude", -6.2298), ("Longitude", 106.8271), ("AccuracyMeters", 15.0)));
        var tap = Property(checkedIn, "CheckIn")!;
        Assert.NotNull(Property(tap, "At"));
        var today = await CallAsync(api, "GetPresenceTodayAsync");
        Assert.Equal(Property(tap, "At"), Property(Property(today, "CheckIn")!, "At"));

        var anonymous = Activator.CreateInstance(client, fixture.Factory.CreateClient())!;
        var refused = await Assert.ThrowsAnyAsync<Exception>(() => CallAsync(anonymous, "GetPresenceTodayAsync"));
        Assert.Equal((int)HttpStatusCode.Unauthorized, refused.GetType().GetProperty("StatusCode")!.GetValue(refused));
    }

    private async Task<Type> CompileClientAsync()
    {
        var document = await OpenApiDocument.FromJsonAsync(await fixture.Factory.CreateClient().GetStringAsync("/openapi/v1.json", Ct));
        var settings = new CSharpClientGeneratorSettings
        {
            ClassName = "FlexWorkClient",
            UseBaseUrl = false,
            GenerateClientInterfaces = false,
            OperationNameGenerator = new SingleClientFromOperationIdOperationNameGenerator(),
        };
        settings.CSharpGeneratorSettings.Namespace = "Generated";
        settings.CSharpGeneratorSettings.JsonLibrary = NJsonSchema.CodeGeneration.CSharp.CSharpJsonLibrary.SystemTextJson;
        var code = new CSharpClientGenerator(document, settings).GenerateFile();
        Directory.CreateDirectory(Path.Combine(FlexWork.Tests.Shared.RepositoryRoot.Path, "TestResults", "openapi"));
        await File.WriteAllTextAsync(Path.Combine(FlexWork.Tests.Shared.RepositoryRoot.Path, "TestResults", "openapi", "FlexWorkClient.cs"), code, Ct); // to read when it does not compile

        var references = ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Select(path => MetadataReference.CreateFromFile(path));
        var compilation = CSharpCompilation.Create(
            "FlexWork.GeneratedClient", [CSharpSyntaxTree.ParseText(code, cancellationToken: Ct)], references,
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary, nullableContextOptions: NullableContextOptions.Disable));
        using var assembly = new MemoryStream();
        var emitted = compilation.Emit(assembly, cancellationToken: Ct);
        Assert.True(emitted.Success, string.Join("\n", emitted.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error).Take(20)));
        return Assembly.Load(assembly.ToArray()).GetType("Generated.FlexWorkClient")!;
    }

    private static async Task<object?> CallAsync(object api, string method, params object[] arguments)
    {
        var overload = api.GetType().GetMethods().Single(m => m.Name == method && m.GetParameters().Length == arguments.Length + 1); // + CancellationToken
        var task = (Task)overload.Invoke(api, [.. arguments, Ct])!;
        await task;
        return task.GetType().GetProperty("Result")?.GetValue(task);
    }

    private static object Body(Type client, string type, params (string Name, object Value)[] values)
    {
        var body = Activator.CreateInstance(client.Assembly.GetType($"Generated.{type}")!)!;
        foreach (var (name, value) in values)
        {
            var property = body.GetType().GetProperty(name)!;
            property.SetValue(body, Convert.ChangeType(value, Nullable.GetUnderlyingType(property.PropertyType) ?? property.PropertyType, System.Globalization.CultureInfo.InvariantCulture));
        }

        return body;
    }

    private static object? Property(object? target, string name) => target!.GetType().GetProperty(name)!.GetValue(target);
}
