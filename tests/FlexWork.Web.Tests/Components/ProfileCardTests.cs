using Bunit;
using FlexWork.Application.Profiles.GetMyProfile;
using FlexWork.Web.Components.Profiles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor.Services;

namespace FlexWork.Web.Tests.Components;

public sealed class ProfileCardTests : BunitContext
{
    private static readonly MyProfile Pegawai = new(
        "user-1", Guid.NewGuid(), "197601242001011004", "Andi Pratama", "pegawai@demo.go.id", "DEMO", "Kementerian Contoh",
        "Biro Sumber Daya Manusia", "Analis Sumber Daya Manusia Aparatur", "Siti Rahmawati", "atasan@demo.go.id",
        ["Employee"], SupervisesAnyone: false, HeadsUnit: false);

    public ProfileCardTests()
    {
        Services.AddLocalization();
        Services.AddMudServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    [Fact]
    public void Shows_unit_and_direct_supervisor_in_indonesian()
    {
        using var _ = new CultureScope("id-ID");
        var card = Render<ProfileCard>(p => p.Add(c => c.Profile, Pegawai));

        Assert.Equal("Andi Pratama", card.Find("[data-testid=profile-name]").TextContent.Trim());
        Assert.Equal("Biro Sumber Daya Manusia", card.Find("[data-testid=profile-unit]").TextContent.Trim());
        Assert.Contains("Siti Rahmawati", card.Find("[data-testid=profile-supervisor]").TextContent, StringComparison.Ordinal);
        Assert.Contains("Atasan langsung", card.Markup, StringComparison.Ordinal);
        Assert.Contains("Pegawai", card.Markup, StringComparison.Ordinal);
    }

    [Fact]
    public void Shows_derived_roles_and_a_missing_supervisor_in_english()
    {
        using var _ = new CultureScope("en-US");
        var head = Pegawai with { SupervisorName = null, SupervisorEmail = null, SupervisesAnyone = true, HeadsUnit = true };
        var card = Render<ProfileCard>(p => p.Add(c => c.Profile, head));

        Assert.Equal("No direct supervisor", card.Find("[data-testid=profile-supervisor]").TextContent.Trim());
        var chips = card.FindAll(".mud-chip").Select(c => c.TextContent.Trim()).ToList();
        Assert.Equal(["Employee", "Supervisor", "Unit head"], chips);
    }
}
