using System.Collections;
using System.Globalization;
using System.Resources;
using System.Text.RegularExpressions;
using FlexWork.Tests.Shared;
using FlexWork.Web.Localization;

namespace FlexWork.Web.Tests.Localization;

public partial class ResourceTests
{
    private static readonly ResourceManager Resources =
        new("FlexWork.Web.Localization.SharedResource", typeof(SharedResource).Assembly);

    [Fact]
    public void Indonesian_and_english_hold_the_same_keys()
    {
        var indonesian = Keys(CultureInfo.InvariantCulture);
        var english = Keys(new CultureInfo("en"));

        Assert.NotEmpty(indonesian);
        Assert.Empty(indonesian.Except(english));
        Assert.Empty(english.Except(indonesian));
    }

    [Fact]
    public void Every_key_used_by_a_component_exists()
    {
        var root = RepositoryRoot.Path;
        var components = Directory.EnumerateFiles(Path.Combine(root, "src", "FlexWork.Web", "Components"), "*.razor", SearchOption.AllDirectories);
        var used = components
            .SelectMany(file => LocalizerKey().Matches(File.ReadAllText(file)).Select(m => (File: Path.GetFileName(file), Key: m.Groups[1].Value)))
            .ToList();
        var known = Keys(CultureInfo.InvariantCulture);

        Assert.NotEmpty(used);
        Assert.Empty(used.Where(u => !known.Contains(u.Key)).Select(u => $"{u.File}: {u.Key}"));
    }

    /// <summary>Every rule code the application throws or validates with reaches the user as a sentence, not as the code.</summary>
    [Fact]
    public void Every_error_code_has_a_message()
    {
        var root = RepositoryRoot.Path;
        string[] projects = ["FlexWork.Domain", "FlexWork.Application"];
        var sources = projects
            .SelectMany(project => Directory.EnumerateFiles(Path.Combine(root, "src", project), "*.cs", SearchOption.AllDirectories))
            .Where(file => !file.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal));
        var codes = sources.SelectMany(file => ErrorCode().Matches(File.ReadAllText(file)).Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToHashSet();
        var known = Keys(CultureInfo.InvariantCulture);

        Assert.Contains("TARGET_OWN_DECISION", codes);
        Assert.Empty(codes.Where(code => !known.Contains($"Error.{code}")).Order());
    }

    private static HashSet<string> Keys(CultureInfo culture) =>
        Resources.GetResourceSet(culture, createIfNotExists: true, tryParents: false)!
            .Cast<DictionaryEntry>()
            .Select(e => (string)e.Key)
            .ToHashSet();

    [GeneratedRegex("""L\["([A-Za-z0-9_.]+)"[\],]""")]
    private static partial Regex LocalizerKey();

    [GeneratedRegex("""(?:DomainException|ForbiddenAccessException)\("([A-Z][A-Z0-9_]+)"|WithErrorCode\("([A-Z][A-Z0-9_]+)"\)""")]
    private static partial Regex ErrorCode();
}
