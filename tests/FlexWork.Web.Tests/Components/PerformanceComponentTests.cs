using Bunit;
using FlexWork.Application.Performance;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Performance;
using FlexWork.Web.Components.Performance;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlexWork.Web.Tests.Components;

public sealed class PerformanceComponentTests : BunitContext
{
    private static readonly TargetContent Dokumen = new("Tersusunnya dokumen analisis", "Jumlah dokumen", TargetAspect.Kuantitas, 4, "dokumen");

    public PerformanceComponentTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void The_target_editor_starts_from_the_target_and_hands_back_what_was_written_with_the_reason()
    {
        using var _ = new CultureScope("id-ID");
        (TargetContent Content, string? Reason)? saved = null;
        var editor = Render<TargetEditor>(p => p
            .Add(c => c.Title, "Ajukan perubahan")
            .Add(c => c.SaveText, "Kirim")
            .Add(c => c.Initial, Dokumen)
            .Add(c => c.AsksReason, true)
            .Add(c => c.Saved, ((TargetContent, string?) edit) => saved = edit));

        Assert.Equal("Tersusunnya dokumen analisis", editor.Find("textarea[data-testid=target-rhk]").GetAttribute("value") ?? editor.Find("textarea[data-testid=target-rhk]").TextContent);
        editor.Find("input[data-testid=target-value]").Change("6");
        editor.Find("input[data-testid=target-reason]").Change("Tambahan penugasan dari Sekretaris");
        editor.Find("button[data-testid=target-save]").Click();

        Assert.NotNull(saved);
        Assert.Equal((6m, "dokumen", "Tambahan penugasan dari Sekretaris"), (saved.Value.Content.Value!.Value, saved.Value.Content.Unit, saved.Value.Reason));
        Assert.Equal(Dokumen.Rhk, saved.Value.Content.Rhk);
    }

    [Fact]
    public void A_new_target_asks_no_reason_and_shows_the_problem_it_is_given()
    {
        using var _ = new CultureScope("en-US");
        var editor = Render<TargetEditor>(p => p
            .Add(c => c.Title, "New target")
            .Add(c => c.SaveText, "Save draft")
            .Add(c => c.Error, "Enter the Rencana Hasil Kerja (RHK).")
            .Add(c => c.Saved, ((TargetContent, string?) _) => { }));

        Assert.Empty(editor.FindAll("[data-testid=target-reason]"));
        Assert.Contains("Enter the Rencana Hasil Kerja (RHK).", editor.Find(".mud-alert").TextContent, StringComparison.Ordinal);
        Assert.Contains("Individual performance indicator", editor.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void The_evaluation_card_shows_the_predikat_the_values_the_adjusted_realisation_and_the_decided_objection()
    {
        using var _ = new CultureScope("en-US");
        var target = new TargetView(Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), "Andi Pratama", Dokumen, null, TargetState.Agreed, false, null, 3, [], 1);
        var evaluation = new EvaluationView(
            Guid.NewGuid(), target.PeriodId, "2026-11", PeriodState.Closed, target.EmployeeId, "Andi Pratama", EvaluationState.Final, null,
            Expectation.AsExpected, Expectation.Above, [.. Enum.GetValues<BerAkhlak>().Select(v => new ValueRating(v, Expectation.AsExpected))],
            [new TargetRealisation(target.Id, 3, 4, "One document came by letter")], "Keep the reports on time.", PerformanceRating.Baik, "Siti Rahmawati",
            DateTimeOffset.UtcNow, null, "Data came late", "Delay outside the employee's control", true, DateTimeOffset.UtcNow, 7);

        var card = Render<EvaluationCard>(p => p.Add(c => c.Evaluation, evaluation).Add(c => c.Targets, [target]));

        Assert.Equal("Baik (good)", card.Find("[data-testid=predikat]").TextContent.Trim()); // the predikat keeps its Indonesian name in English
        Assert.Equal(7, card.FindAll("[data-testid=evaluation-values] tr").Count);
        Assert.Contains("Above expectations", card.Markup, StringComparison.Ordinal);
        Assert.Contains("reports said 3; One document came by letter", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Objection upheld", card.Markup, StringComparison.Ordinal);
    }
}
