using FlexWork.Application.Common;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Requests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Domain.Common;
using FlexWork.Domain.Policies;
using FlexWork.Tests.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace FlexWork.IntegrationTests.Requests;

public class EvidenceLimitTests(DemoDatabaseFixture fixture) : IClassFixture<DemoDatabaseFixture>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj << >> endobj\n%%EOF"u8.ToArray();

    [Fact]
    public async Task A_request_carries_at_most_the_policys_number_of_files_and_an_upload_to_a_changed_request_is_refused()
    {
        var draft = await DraftAsync(TestWeeks.Free(0));
        await Assert.ThrowsAsync<ConcurrencyConflictException>(() => AttachAsync(draft.Id, draft.Version + 1, Pdf)); // someone changed it since
        Assert.Empty(await AsAsync(s => s.GetRequiredService<RequestService>().ListEvidenceAsync(draft.Id, Ct)));

        var files = PolicySettings.Regulation.Requests.MaxEvidenceFilesPerRequest;
        var version = draft.Version;
        for (var i = 0; i < files; i++)
        {
            await AttachAsync(draft.Id, version, Pdf);
            version = (await AsAsync(s => s.GetRequiredService<RequestService>().GetAsync(draft.Id, Ct))).Version;
        }

        var tooMany = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(draft.Id, version, Pdf));
        Assert.Equal(("EVIDENCE_TOO_MANY_FILES", (object)files), (tooMany.Code, tooMany.Arguments.Single()));
        Assert.Equal(files, (await AsAsync(s => s.GetRequiredService<RequestService>().ListEvidenceAsync(draft.Id, Ct))).Count);
    }

    [Fact]
    public async Task An_employees_evidence_over_all_requests_stays_within_the_policys_megabytes()
    {
        await using (var admin = await fixture.ActAsAsync("admin@demo.go.id"))
        {
            var policies = admin.ServiceProvider.GetRequiredService<PolicyAdministration>();
            var draft = await policies.GetDraftAsync(Ct);
            var saved = await policies.SaveDraftAsync(
                draft.Settings with { Requests = draft.Settings.Requests with { MaxEvidenceMegabytesPerEmployee = 5 } }, draft.Version, Ct);
            await policies.PublishAsync(new PublishInput(saved.AgencyToday, "SK Sekjen 41/2026", saved.Version), Ct);
        }

        var threeMegabytes = new byte[3 * 1024 * 1024];
        Pdf.CopyTo(threeMegabytes, 0);
        await AttachAsync((await DraftAsync(TestWeeks.Free(1))).Id, null, threeMegabytes);
        var second = await DraftAsync(TestWeeks.Free(2));
        var full = await Assert.ThrowsAsync<DomainException>(() => AttachAsync(second.Id, null, threeMegabytes));
        Assert.Equal("EVIDENCE_STORAGE_FULL", full.Code);
        Assert.Empty(await AsAsync(s => s.GetRequiredService<RequestService>().ListEvidenceAsync(second.Id, Ct)));
        await AttachAsync(second.Id, null, Pdf); // a small file still fits
    }

    private Task<RequestDetails> DraftAsync(DateOnly day) => AsAsync(s => s.GetRequiredService<RequestService>().CreateAsync(
        new ProposedRequestInput([new(day, WorkMode.Home)], "Menyusun laporan", [new WorkPlanItem("Laporan")]), submit: false, cancellationToken: Ct));

    private Task<EvidenceItem> AttachAsync(Guid id, uint? version, byte[] file) =>
        AsAsync(s => s.GetRequiredService<RequestService>().AttachEvidenceAsync(id, version, "bukti.pdf", new MemoryStream(file), Ct));

    private async Task<T> AsAsync<T>(Func<IServiceProvider, Task<T>> act)
    {
        await using var scope = await fixture.ActAsAsync("pegawai@demo.go.id");
        return await act(scope.ServiceProvider);
    }
}
