using System.Text;
using FlexWork.Web.Api;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.Web.Tests.Api;

public class CsvDownloadTests
{
    [Fact]
    public async Task A_download_is_utf8_csv_with_rfc4180_quoting_and_no_cell_a_spreadsheet_would_run()
    {
        var context = new DefaultHttpContext { RequestServices = new ServiceCollection().AddLogging().BuildServiceProvider() };
        using var body = new MemoryStream();
        context.Response.Body = body;

        await CsvDownload.Of("x.csv", ["nama", "catatan"], [["=SUM(A1)", "Jl. Melati, \"Blok\" A"], ["@cmd", "Dewi Lestari"], ["-1", "+62 812"]])
            .ExecuteAsync(context);

        Assert.Equal("text/csv; charset=utf-8", context.Response.ContentType);
        Assert.Contains("x.csv", context.Response.Headers.ContentDisposition.ToString(), StringComparison.Ordinal);
        var bytes = body.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("nama,catatan", lines[0]);
        string Cell(int line, int index) => lines[line].Split(',')[index].Trim('"');
        Assert.Equal(["'=SUM(A1)", "'@cmd", "'-1", "'+62 812"], [Cell(1, 0), Cell(2, 0), Cell(3, 0), Cell(3, 1)]);
        Assert.Equal("Dewi Lestari", Cell(2, 1)); // plain text stays as it is
        Assert.Contains("\"Jl. Melati, \"\"Blok\"\" A\"", lines[1], StringComparison.Ordinal);
    }
}
