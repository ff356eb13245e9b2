namespace FlexWork.Tests.Shared;

public static class RepositoryRoot
{
    /// <summary>The folder holding FlexWork.sln, found from the test binaries upwards.</summary>
    public static string Path { get; } = Find();

    private static string Find()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(System.IO.Path.Combine(directory.FullName, "FlexWork.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("FlexWork.sln not found above the test output");
    }
}
