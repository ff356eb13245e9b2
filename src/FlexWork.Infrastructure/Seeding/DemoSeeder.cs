using System.Globalization;
using FlexWork.Application.Common;
using FlexWork.Domain.Agencies;
using FlexWork.Domain.Calendar;
using FlexWork.Domain.Common;
using FlexWork.Domain.Employees;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Organization;
using FlexWork.Domain.Policies;
using FlexWork.Infrastructure.Identity;
using FlexWork.Infrastructure.Persistence;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace FlexWork.Infrastructure.Seeding;

/// <summary>
/// Demo data for Development and for <c>--seed-demo</c>: two agencies, an org chart and the
/// demo logins from the README. Idempotent: an agency that exists is left as it is.
/// </summary>
public sealed partial class DemoSeeder(
    FlexWorkDbContext db,
    UserManager<ApplicationUser> userManager,
    RoleManager<IdentityRole> roleManager,
    TimeProvider timeProvider,
    ILogger<DemoSeeder> logger)
{
    public const string DemoPassword = "Demo#FlexWork2025";
    public const string PlatformAdminEmail = "platform@flexwork.local";

    private static readonly string[] GivenNames =
    [
        "Agus", "Budi", "Citra", "Dewi", "Eko", "Fitri", "Gilang", "Hana", "Indra", "Joko", "Kartika", "Lestari",
        "Made", "Nur", "Oki", "Putri", "Rizki", "Sari", "Taufik", "Utami", "Wahyu", "Yuni", "Zainal", "Ayu",
        "Bayu", "Dian", "Fajar", "Intan", "Nanda", "Rina", "Slamet", "Wulan",
    ];

    private static readonly string[] FamilyNames =
    [
        "Pratama", "Santoso", "Wibowo", "Lestari", "Hidayat", "Siregar", "Nasution", "Saputra", "Kusuma", "Rahayu",
        "Setiawan", "Purba", "Simanjuntak", "Wijaya", "Halim",
    ];

    // The Pasal 23 checklist of the two kinds of demo position that are not eligible.
    private static readonly DutyCriteria LeadershipOnSite = DutyCriteria.AllMet with { LittleFaceToFaceContact = false };
    private static readonly DutyCriteria FrontLineService = DutyCriteria.AllMet with { WorkableOutsideOffice = false, LittleFaceToFaceContact = false };

    private readonly DateOnly _today = DateOnly.FromDateTime(timeProvider.GetLocalNow().Date);
    private string? _passwordHash;
    private int _sequence;

    public async Task SeedAsync(CancellationToken cancellationToken = default)
    {
        foreach (var role in Roles.All)
        {
            if (!await roleManager.RoleExistsAsync(role))
            {
                await roleManager.CreateAsync(new IdentityRole(role));
            }
        }

        // One transaction per agency: a failed seed leaves no half-made agency behind, and a lost
        // connection seeds that agency again from the start.
        foreach (var seedAgency in new Func<CancellationToken, Task>[] { SeedKementerianContohAsync, SeedProvinsiContohAsync })
        {
            await db.Database.CreateExecutionStrategy().ExecuteAsync(
                async ct =>
                {
                    db.ChangeTracker.Clear();
                    await using var transaction = await db.Database.BeginTransactionAsync(ct);
                    await seedAgency(ct);
                    await transaction.CommitAsync(ct);
                },
                cancellationToken);
        }

        if (await userManager.FindByEmailAsync(PlatformAdminEmail) is null)
        {
            await CreateAccountAsync(PlatformAdminEmail, null, withPassword: true, Roles.PlatformAdmin);
        }
    }

    private async Task SeedKementerianContohAsync(CancellationToken cancellationToken)
    {
        if (await AgencyExistsAsync("DEMO", cancellationToken))
        {
            logger.LogInformation("Demo agency {AgencyCode} exists; leaving it as it is", "DEMO");
            return;
        }

        var agency = Agency.Create("DEMO", "Kementerian Contoh", IndonesianTimeZones.Wib);
        var setjen = OrganizationUnit.Create(agency.Id, "Sekretariat Jenderal");
        var sdm = OrganizationUnit.Create(agency.Id, "Biro Sumber Daya Manusia", setjen);
        var umum = OrganizationUnit.Create(agency.Id, "Biro Umum dan Layanan Publik", setjen);
        var digital = OrganizationUnit.Create(agency.Id, "Direktorat Transformasi Digital");
        var kanwil = OrganizationUnit.Create(agency.Id, "Kantor Wilayah Sulawesi Selatan");
        kanwil.SetTimeZone(IndonesianTimeZones.Wita);
        // The offices on the map (where an office day's check-in counts as being there): the ministry's building in Jakarta, the regional office in Makassar.
        foreach (var unit in new[] { setjen, sdm, umum, digital })
        {
            unit.LocateOffice(new GeoArea(-6.2297, 106.8270, 150));
        }

        kanwil.LocateOffice(new GeoArea(-5.1354, 119.4238, 120));

        var sekjen = Position.Create(agency.Id, "Sekretaris Jenderal", PositionKind.Struktural, LeadershipOnSite);
        var kepalaBiro = Position.Create(agency.Id, "Kepala Biro", PositionKind.Struktural, DutyCriteria.AllMet);
        var direktur = Position.Create(agency.Id, "Direktur", PositionKind.Struktural, DutyCriteria.AllMet);
        var kepalaBagian = Position.Create(agency.Id, "Kepala Bagian", PositionKind.Struktural, DutyCriteria.AllMet);
        var analisSdm = Position.Create(agency.Id, "Analis Sumber Daya Manusia Aparatur", PositionKind.Fungsional, DutyCriteria.AllMet);
        var pranataKomputer = Position.Create(agency.Id, "Pranata Komputer", PositionKind.Fungsional, DutyCriteria.AllMet);
        var arsiparis = Position.Create(agency.Id, "Arsiparis", PositionKind.Fungsional, DutyCriteria.AllMet);
        var layanan = Position.Create(agency.Id, "Pengelola Layanan Operasional", PositionKind.Pelaksana, FrontLineService);
        db.AddRange(agency, setjen, sdm, umum, digital, kanwil, sekjen, kepalaBiro, direktur, kepalaBagian, analisSdm, pranataKomputer, arsiparis, layanan);
        SeedPolicy(agency, umum);

        var secretary = Hire(agency, "Ratna Dewi Kusumawati", "sekjen@demo.go.id", setjen, sekjen, null, years: 4);
        var kepala = Hire(agency, "Hendra Gunawan", "kepala@demo.go.id", sdm, kepalaBiro, secretary, years: 5);
        var atasan = Hire(agency, "Siti Rahmawati", "atasan@demo.go.id", sdm, kepalaBagian, kepala, years: 6);
        var pegawai = Hire(agency, "Andi Pratama", "pegawai@demo.go.id", sdm, analisSdm, atasan, years: 3);
        var baru = Hire(agency, "Bunga Lestari", "baru@demo.go.id", sdm, analisSdm, atasan, years: 0, months: 1);
        var admin = Hire(agency, "Admin Kepegawaian", "admin@demo.go.id", sdm, analisSdm, kepala, years: 2);
        var team = Enumerable.Range(0, 7).Select(i => Hire(agency, GeneratedName(), null, sdm, i % 2 == 0 ? analisSdm : arsiparis, atasan, years: 1 + i)).ToList();

        var kepalaUmum = Hire(agency, "Yohanes Manurung", null, umum, kepalaBiro, secretary, years: 3);
        foreach (var i in Enumerable.Range(0, 9))
        {
            Hire(agency, GeneratedName(), null, umum, i < 6 ? layanan : arsiparis, kepalaUmum, years: 1 + (i % 4));
        }

        var direkturDigital = Hire(agency, "Larasati Wicaksono", null, digital, direktur, null, years: 2);
        foreach (var i in Enumerable.Range(0, 9))
        {
            Hire(agency, GeneratedName(), null, digital, pranataKomputer, direkturDigital, years: 1 + (i % 5));
        }

        var kepalaKanwil = Hire(agency, "Andi Makkasau", null, kanwil, kepalaBiro, secretary, years: 3);
        foreach (var i in Enumerable.Range(0, 6))
        {
            Hire(agency, GeneratedName(), null, kanwil, i % 2 == 0 ? layanan : analisSdm, kepalaKanwil, years: 2);
        }

        // Heads point at employees who point at units: insert people first, then name the heads.
        await db.SaveChangesAsync(cancellationToken);
        setjen.SetHead(secretary);
        sdm.SetHead(kepala);
        umum.SetHead(kepalaUmum);
        digital.SetHead(direkturDigital);
        kanwil.SetHead(kepalaKanwil);
        pegawai.SetDomicile("Jl. Melati No. 12, Jakarta Selatan", new GeoArea(-6.2615, 106.8106, 100));
        baru.SetDomicile("Jl. Kenanga No. 5, Depok");

        await SaveWithAccountsAsync(cancellationToken, (admin, Roles.AgencyAdmin), (secretary, Roles.AgencyLeadership), (kepala, null), (atasan, null), (pegawai, null), (baru, null));
        SeedStory(agency.Id, kepala, atasan, pegawai, baru, team, admin);
        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded demo agency {AgencyCode}", agency.Code);
    }

    private async Task SeedProvinsiContohAsync(CancellationToken cancellationToken)
    {
        if (await AgencyExistsAsync("DEMO2", cancellationToken))
        {
            return;
        }

        var agency = Agency.Create("DEMO2", "Pemerintah Provinsi Contoh", IndonesianTimeZones.Wita);
        var bkd = OrganizationUnit.Create(agency.Id, "Badan Kepegawaian Daerah");
        var kominfo = OrganizationUnit.Create(agency.Id, "Dinas Komunikasi dan Informatika");
        var kepalaBadan = Position.Create(agency.Id, "Kepala Badan", PositionKind.Struktural, DutyCriteria.AllMet);
        var analis = Position.Create(agency.Id, "Analis Kepegawaian", PositionKind.Fungsional, DutyCriteria.AllMet);
        db.AddRange(agency, bkd, kominfo, kepalaBadan, analis);
        db.CalendarEntries.AddRange(NationalCalendar.For(agency.Id));
        db.RamadanPeriods.AddRange(NationalCalendar.RamadanFor(agency.Id));

        var head = Hire(agency, "Muhammad Idris", null, bkd, kepalaBadan, null, years: 4);
        var admin = Hire(agency, "Admin Provinsi", "admin@demo2.go.id", bkd, analis, head, years: 3);
        var pegawai = Hire(agency, "Nurul Hasanah", "pegawai@demo2.go.id", bkd, analis, head, years: 3);
        Hire(agency, GeneratedName(), null, kominfo, analis, head, years: 2);
        Hire(agency, GeneratedName(), null, kominfo, analis, head, years: 1);
        await db.SaveChangesAsync(cancellationToken);
        bkd.SetHead(head);

        await SaveWithAccountsAsync(cancellationToken, (admin, Roles.AgencyAdmin), (pegawai, null));
        logger.LogInformation("Seeded demo agency {AgencyCode}", agency.Code);
    }

    /// <summary>
    /// DEMO's published policy: the regulation's defaults, except that the front-line services
    /// of Biro Umum work from the office, more than three overdue reports refuse new flexible days
    /// and a Butuh Perbaikan suspends flexible work for the next period; plus the national
    /// calendar and two approved locations.
    /// </summary>
    private void SeedPolicy(Agency agency, OrganizationUnit frontLine)
    {
        var settings = PolicySettings.Regulation with
        {
            UnitOverrides = [new UnitOverride { UnitId = frontLine.Id, EnabledModes = [] }],
            Performance = new PerformanceRules { MaxOverdueReports = 3, SuspendAtOrBelow = PerformanceRating.ButuhPerbaikan },
        };
        var version = PolicyVersion.CreateDraft(agency.Id, settings, null, timeProvider.GetUtcNow());
        // In force since the first of the month before last: the monitoring compares the months before with after.
        var effective = new DateOnly(_today.Year, _today.Month, 1).AddMonths(-2);
        version.Publish(1, effective, "Keputusan Sekretaris Jenderal Nomor 12 Tahun 2025", effective, timeProvider.GetUtcNow(), null);
        db.PolicyVersions.Add(version);
        db.CalendarEntries.AddRange(NationalCalendar.For(agency.Id));
        db.RamadanPeriods.AddRange(NationalCalendar.RamadanFor(agency.Id));
        db.ApprovedLocations.AddRange(
            ApprovedLocation.Create(agency.Id, "Kantor Wilayah Sulawesi Selatan", LocationKind.OtherOffice, "Jl. A. P. Pettarani No. 2, Makassar", new GeoArea(-5.1477, 119.4327, 150)),
            ApprovedLocation.Create(agency.Id, "Ruang Kerja Bersama Gedung Sarinah", LocationKind.OtherLocation, "Jl. M.H. Thamrin No. 11, Jakarta Pusat"));
    }

    private Task<bool> AgencyExistsAsync(string code, CancellationToken cancellationToken) =>
        db.Agencies.AnyAsync(a => a.Code == code, cancellationToken);

    private Employee Hire(Agency agency, string name, string? email, OrganizationUnit unit, Position position, Employee? supervisor, int years, int months = 0)
    {
        _sequence++;
        email ??= name.ToLowerInvariant().Replace(' ', '.') + $"{_sequence}@{agency.Code.ToLowerInvariant()}.go.id";
        var employee = Employee.Create(
            agency.Id, DemoNip(_sequence), name, email, unit.Id, position.Id,
            _sequence % 7 == 0 ? EmploymentType.Pppk : EmploymentType.Pns,
            _today.AddYears(-years).AddMonths(-months));

        // The new chart has no loops yet: only the supervisor's own link matters.
        employee.AssignSupervisor(supervisor, id => id == supervisor?.Id ? supervisor.SupervisorId : null);
        db.Employees.Add(employee);
        return employee;
    }

    private string GeneratedName() =>
        $"{GivenNames[_sequence * 7 % GivenNames.Length]} {FamilyNames[_sequence * 5 % FamilyNames.Length]}";

    /// <summary>A structurally valid NIP: birth date, appointment month, sex, sequence.</summary>
    private static string DemoNip(int sequence)
    {
        var birth = new DateOnly(1975, 1, 1).AddDays(sequence * 97);
        var appointment = new DateOnly(2000, 1, 1).AddMonths(sequence * 3);
        return string.Create(CultureInfo.InvariantCulture, $"{birth:yyyyMMdd}{appointment:yyyyMM}{1 + (sequence % 2)}{sequence:000}");
    }

    /// <summary>
    /// Every employee gets an account (1:1); the named demo people also get the demo password.
    /// </summary>
    private async Task SaveWithAccountsAsync(CancellationToken cancellationToken, params (Employee Employee, string? ExtraRole)[] demoLogins)
    {
        var employees = db.ChangeTracker.Entries<Employee>().Select(e => e.Entity).Where(e => e.UserId is null).ToList();
        foreach (var employee in employees)
        {
            var login = demoLogins.FirstOrDefault(l => l.Employee == employee);
            var roles = login.ExtraRole is { } extra ? new[] { Roles.Employee, extra } : [Roles.Employee];
            var user = await CreateAccountAsync(employee.Email, employee.AgencyId, withPassword: login.Employee is not null, roles);
            employee.LinkAccount(user.Id);
        }

        await db.SaveChangesAsync(cancellationToken);
    }

    private async Task<ApplicationUser> CreateAccountAsync(string email, Guid? agencyId, bool withPassword, params string[] roles)
    {
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, AgencyId = agencyId };
        if (withPassword)
        {
            // One PBKDF2 run (210,000 iterations) for all demo logins instead of one per account.
            user.PasswordHash = _passwordHash ??= userManager.PasswordHasher.HashPassword(user, DemoPassword);
        }

        var result = await userManager.CreateAsync(user);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Demo account {email}: {string.Join("; ", result.Errors.Select(e => e.Code))}");
        }

        await userManager.AddToRolesAsync(user, roles);
        return user;
    }
}
