using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Schedules.CalendarFeed;

/// <summary>
/// A personal iCalendar feed of one's approved flexible-work days, behind a secret URL that a
/// calendar app can subscribe to without signing in. The secret can be renewed at any time.
/// </summary>
public sealed class CalendarFeedService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    public async Task<string> GetTokenAsync(CancellationToken cancellationToken = default) => await TokenAsync(renew: false, cancellationToken);

    public async Task<string> RenewTokenAsync(CancellationToken cancellationToken = default) => await TokenAsync(renew: true, cancellationToken);

    /// <summary>The feed for a secret, or null when no one has it (the caller answers 404).</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Anonymous on purpose: the secret is the key, so the tenant filter (which needs a signed-in user) is passed by.
        var employee = await db.Employees.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CalendarFeedToken == token && e.IsActive)
            .Select(e => new { e.Id, e.AgencyId, e.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        DateOnly from = today.AddDays(-60), to = today.AddDays(365);
        var days = await db.WorkRequests.IgnoreQueryFilters().AsNoTracking()
            .Where(r => r.AgencyId == employee.AgencyId && r.EmployeeId == employee.Id
                && (r.Status == RequestStatus.Approved || ((r.Status == RequestStatus.Withdrawn || r.Status == RequestStatus.Revoked) && r.CancelledFrom != null)))
            .SelectMany(r => r.Days.Where(d => d.Date >= from && d.Date <= to), (r, d) => new { r.Id, r.Status, r.CancelledFrom, d.Date, d.Mode, d.Start, d.End })
            .ToListAsync(cancellationToken);

        var stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//FlexWork//Jadwal kerja fleksibel//ID");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, $"X-WR-CALNAME:{Escape($"FlexWork – {employee.FullName}")}");
        foreach (var day in days.Where(d => d.Status == RequestStatus.Approved || d.Date < d.CancelledFrom).OrderBy(d => d.Date))
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, FormattableString.Invariant($"UID:{day.Id:N}-{day.Date:yyyyMMdd}@flexwork"));
            Line(ics, $"DTSTAMP:{stamp}");
            Line(ics, FormattableString.Invariant($"DTSTART;VALUE=DATE:{day.Date:yyyyMMdd}"));
            Line(ics, FormattableString.Invariant($"DTEND;VALUE=DATE:{day.Date.AddDays(1):yyyyMMdd}"));
            var hours = day.Start is { } s && day.End is { } e ? FormattableString.Invariant($" {s:HH\\:mm}–{e:HH\\:mm}") : "";
            Line(ics, $"SUMMARY:{Escape(Summary(day.Mode) + hours)}");
            Line(ics, "TRANSP:TRANSPARENT");
            Line(ics, "END:VEVENT");
        }

        Line(ics, "END:VCALENDAR");
        return ics.ToString();
    }

    private async Task<string> TokenAsync(bool renew, CancellationToken cancellationToken)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var employee = await db.Employees.SingleAsync(e => e.Id == me, cancellationToken);
        if (renew || employee.CalendarFeedToken is null)
        {
            employee.RenewCalendarFeedToken(Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_'));
            await db.SaveChangesAsync(cancellationToken);
        }

        return employee.CalendarFeedToken!;
    }

    private static string Summary(WorkMode mode) => mode switch
    {
        WorkMode.Home => "Bekerja dari rumah / Working from home",
        WorkMode.OtherOffice => "Bekerja di kantor lain / At another office",
        WorkMode.OtherLocation => "Bekerja di lokasi lain / At another location",
        _ => "Bekerja di kantor / At the office",
    };

    /// <summary>RFC 5545 text: backslash, semicolon and comma escaped.</summary>
    private static string Escape(string text) => text.Replace("\\", "\\\\", StringComparison.Ordinal)
        .Replace(";", "\\;", StringComparison.Ordinal).Replace(",", "\\,", StringComparison.Ordinal);

    private static void Line(StringBuilder ics, string line) => ics.Append(line).Append("\r\n");
}
