using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;
using Microsoft.EntityFrameworkCore;

namespace FlexWork.Application.Schedules.CalendarFeed;

/// <summary>
/// A personal iCalendar feed of one's approved flexible-work days, behind a secret URL that a
/// calendar app can subscribe to without signing in. Only the secret's hash is stored: the URL is
/// shown once, when it is made, and a new one (which retires the old) can be made at any time.
/// </summary>
public sealed class CalendarFeedService(IFlexWorkDbContextFactory dbFactory, ICurrentUser currentUser, TimeProvider timeProvider)
{
    /// <summary>Whether the caller has a feed URL in use.</summary>
    public async Task<bool> HasFeedAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        return await db.Employees.AnyAsync(e => e.Id == me && e.CalendarFeedSecretHash != null, cancellationToken);
    }

    /// <summary>A new secret for the caller's feed, to be shown once; the previous URL stops working.</summary>
    public async Task<string> RenewTokenAsync(CancellationToken cancellationToken = default)
    {
        var me = currentUser.RequireEmployee();
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        var employee = await db.Employees.SingleAsync(e => e.Id == me, cancellationToken);
        var token = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)).TrimEnd('=').Replace('+', '-').Replace('/', '_');
        employee.RenewCalendarFeed(HashOf(token));
        await db.SaveChangesAsync(cancellationToken);
        return token;
    }

    /// <summary>The feed for a secret, or null when no one has it (the caller answers 404).</summary>
    public async Task<string?> FeedAsync(string token, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrWhiteSpace(token) || token.Length > 64)
        {
            return null;
        }

        var hash = HashOf(token);
        await using var db = await dbFactory.CreateAsync(cancellationToken);
        // Anonymous on purpose: the secret is the key, so the tenant filter (which needs a signed-in user) is passed by.
        var employee = await db.Employees.IgnoreQueryFilters().AsNoTracking()
            .Where(e => e.CalendarFeedSecretHash == hash && e.IsActive)
            .Select(e => new { e.Id, e.AgencyId, e.FullName }).SingleOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        DateOnly from = today.AddDays(-60), to = today.AddDays(365);
        // Decided days only: a pending request is not yet in anyone's calendar.
        var days = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.AgencyId == employee.AgencyId && r.EmployeeId == employee.Id)
            .PlannedDays(from, to)
            .Where(d => d.Status != RequestStatus.Submitted)
            .ToListAsync(cancellationToken);

        var stamp = timeProvider.GetUtcNow().ToString("yyyyMMdd'T'HHmmss'Z'", CultureInfo.InvariantCulture);
        var ics = new StringBuilder();
        Line(ics, "BEGIN:VCALENDAR");
        Line(ics, "VERSION:2.0");
        Line(ics, "PRODID:-//FlexWork//Jadwal kerja fleksibel//ID");
        Line(ics, "CALSCALE:GREGORIAN");
        Line(ics, $"X-WR-CALNAME:{Escape($"FlexWork – {employee.FullName}")}");
        foreach (var day in days.OrderBy(d => d.Date))
        {
            Line(ics, "BEGIN:VEVENT");
            Line(ics, FormattableString.Invariant($"UID:{day.RequestId:N}-{day.Date:yyyyMMdd}@flexwork"));
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

    /// <summary>A 256-bit random secret needs no salt or stretching: a plain SHA-256 cannot be reversed.</summary>
    private static string HashOf(string token) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(token)));

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
