using System.Security.Cryptography;
using System.Text;
using FlexWork.Application.Common;
using FlexWork.Application.Requests;
using FlexWork.Domain.Policies;
using Ical.Net.CalendarComponents;
using Ical.Net.DataTypes;
using Ical.Net.Serialization;
using Microsoft.EntityFrameworkCore;
using ICalendar = Ical.Net.Calendar;

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
            .Select(e => new { e.Id, e.AgencyId, e.FullName, e.TimeZoneId }).SingleOrDefaultAsync(cancellationToken);
        if (employee is null)
        {
            return null;
        }

        var today = DateOnly.FromDateTime(timeProvider.GetUtcNow().UtcDateTime);
        DateOnly from = today.AddDays(-60), to = today.AddDays(365);
        // Decided days only: a pending request is not yet in anyone's calendar.
        var days = await db.WorkRequests.IgnoreQueryFilters().Where(r => r.AgencyId == employee.AgencyId && r.EmployeeId == employee.Id)
            .ApprovedDays(from, to)
            .ToListAsync(cancellationToken);

        // Ical.Net writes RFC 5545: escaping, line folding, and times of day in the employee's
        // time zone with its VTIMEZONE, so a calendar app shows 07:30 where the employee is.
        var timeZone = employee.TimeZoneId ?? await db.Agencies.IgnoreQueryFilters()
            .Where(a => a.Id == employee.AgencyId).Select(a => a.TimeZoneId).SingleAsync(cancellationToken);
        var calendar = new ICalendar { ProductId = "-//FlexWork//Jadwal kerja fleksibel//ID", Scale = "GREGORIAN" };
        calendar.AddProperty("X-WR-CALNAME", $"FlexWork – {employee.FullName}");
        calendar.AddTimeZone(new VTimeZone(timeZone));
        var stamp = new CalDateTime(timeProvider.GetUtcNow().UtcDateTime);
        foreach (var day in days.OrderBy(d => d.Date))
        {
            var timed = day.Start is { } start && day.End is { } end && end > start;
            calendar.Events.Add(new CalendarEvent
            {
                Uid = FormattableString.Invariant($"{day.RequestId:N}-{day.Date:yyyyMMdd}@flexwork"),
                DtStamp = stamp,
                DtStart = timed ? new CalDateTime(day.Date, day.Start!.Value, tzId: timeZone) : new CalDateTime(day.Date),
                DtEnd = timed ? new CalDateTime(day.Date, day.End!.Value, tzId: timeZone) : new CalDateTime(day.Date.AddDays(1)),
                Summary = Summary(day.Mode),
                Transparency = Ical.Net.TransparencyType.Transparent,
            });
        }

        return new CalendarSerializer().SerializeToString(calendar) ?? "";
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
}
