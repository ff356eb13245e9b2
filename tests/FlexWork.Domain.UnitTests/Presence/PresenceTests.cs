using System.Globalization;
using FlexWork.Domain.Common;
using FlexWork.Domain.Locations;
using FlexWork.Domain.Policies;
using FlexWork.Domain.Presence;

namespace FlexWork.Domain.UnitTests.Presence;

public class LocationCheckTests
{
    /// <summary>Gedung Kementerian PANRB, Jakarta, with a 100 m radius.</summary>
    private static readonly GeoArea Office = new(-6.2297, 106.8270, 100);

    /// <summary>Metres north of the office (a degree of latitude is about 111,195 m).</summary>
    private static LocationReading North(double metres, double accuracy) => new(Office.Latitude + (metres / 111_195.0), Office.Longitude, accuracy);

    [Theory]
    [InlineData(0, 10, LocationOutcome.Inside)]
    [InlineData(100, 0, LocationOutcome.Inside)] // on the edge
    [InlineData(102, 0, LocationOutcome.Outside)]
    [InlineData(150, 60, LocationOutcome.Inside)] // the circle of imprecision reaches the radius: the benefit of the doubt
    [InlineData(250, 60, LocationOutcome.Outside)]
    [InlineData(2_000, 40, LocationOutcome.Outside)]
    [InlineData(20, 800, LocationOutcome.TooImprecise)] // less precise than the policy's 500 m: judges nothing
    [InlineData(5_000, 1_500, LocationOutcome.TooImprecise)]
    public void A_reading_is_inside_outside_or_too_imprecise_against_the_places_radius(double metres, double accuracy, LocationOutcome outcome)
    {
        var check = LocationCheck.Of(North(metres, accuracy), Office, maxAccuracyMeters: 500);
        Assert.Equal(outcome, check.Outcome);
        Assert.Equal(outcome is LocationOutcome.Outside or LocationOutcome.TooImprecise, check.IsFlag);
        Assert.InRange(check.DistanceMeters!.Value, metres - 1, metres + 1);
    }

    [Fact]
    public void Without_consent_there_is_no_location_and_a_place_without_coordinates_is_not_judged()
    {
        var none = LocationCheck.Of(null, Office, 500);
        Assert.Equal((LocationOutcome.NotGiven, (int?)null, false), (none.Outcome, none.DistanceMeters, none.IsFlag));
        var noPlace = LocationCheck.Of(North(0, 12.4), null, 500);
        Assert.Equal((LocationOutcome.NoPlace, (int?)null, (int?)13, false), (noPlace.Outcome, noPlace.DistanceMeters, noPlace.AccuracyMeters, noPlace.IsFlag));
    }

    [Theory]
    [InlineData(91, 0, 10)]
    [InlineData(0, -181, 10)]
    [InlineData(0, 0, -1)]
    [InlineData(double.NaN, 0, 10)]
    [InlineData(0, 0, double.PositiveInfinity)]
    public void An_absurd_reading_is_refused(double latitude, double longitude, double accuracy) =>
        Assert.Equal("PRESENCE_LOCATION_INVALID", Assert.Throws<DomainException>(() => LocationCheck.Of(new LocationReading(latitude, longitude, accuracy), Office, 500)).Code);

    [Fact]
    public void The_distance_is_the_great_circle_one()
    {
        var jakarta = new LocationReading(-6.2088, 106.8456, 0);
        Assert.InRange(jakarta.DistanceTo(-7.2575, 112.7521), 660_000, 670_000); // Jakarta to Surabaya
    }
}

public class PresenceDayTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid Andi = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateTimeOffset SevenThirtyWib = new(2026, 12, 7, 0, 30, 0, TimeSpan.Zero);
    private static readonly LocationReading AtHome = new(-6.3, 106.8, 15);
    private static readonly LocationCheck Inside = new(LocationOutcome.Inside, 12, 15);

    [Theory]
    [InlineData(IndonesianTimeZones.Wib, 7)] // 23:30 WIB
    [InlineData(IndonesianTimeZones.Wita, 8)] // 00:30 WITA
    [InlineData(IndonesianTimeZones.Wit, 8)] // 01:30 WIT
    public void The_day_of_a_check_in_is_the_persons_local_date(string zone, int day) =>
        Assert.Equal(new DateOnly(2026, 12, day), PresenceSlot.LocalDate(new DateTimeOffset(2026, 12, 7, 16, 30, 0, TimeSpan.Zero), zone));

    [Fact]
    public void A_second_check_in_is_the_first_one_unchanged()
    {
        var first = PresenceDay.CheckIn(null, Agency, Andi, new PresenceSlot(Monday, WorkMode.Home, true), SevenThirtyWib, AtHome, Inside);
        var again = PresenceDay.CheckIn(first, Agency, Andi, new PresenceSlot(Monday, WorkMode.Home, true), SevenThirtyWib.AddMinutes(5), null, LocationCheck.NotGiven);

        Assert.Same(first, again);
        Assert.Equal((SevenThirtyWib, LocationOutcome.Inside), (again.CheckedInAt, again.CheckInCheck.Outcome));
        Assert.IsType<CheckedIn>(Assert.Single(first.DomainEvents));
    }

    [Fact]
    public void A_check_out_before_the_check_in_or_a_second_check_out_is_refused_and_changes_nothing()
    {
        var day = PresenceDay.CheckIn(null, Agency, Andi, new PresenceSlot(Monday, WorkMode.Home, true), SevenThirtyWib, AtHome, Inside);
        Assert.Equal("PRESENCE_CHECKOUT_BEFORE_CHECKIN", Assert.Throws<DomainException>(() => day.CheckOut(SevenThirtyWib.AddMinutes(-1), AtHome, Inside)).Code);
        Assert.Null(day.CheckedOutAt);

        day.CheckOut(SevenThirtyWib.AddHours(8.5), AtHome, new LocationCheck(LocationOutcome.Outside, 4_200, 20));
        Assert.Equal((TimeSpan.FromHours(8.5), true), (day.Worked, day.IsFlagged)); // the flag is for the supervisor to judge
        Assert.Equal("PRESENCE_ALREADY_CHECKED_OUT", Assert.Throws<DomainException>(() => day.CheckOut(SevenThirtyWib.AddHours(9), AtHome, Inside)).Code);
        Assert.Equal(SevenThirtyWib.AddHours(8.5), day.CheckedOutAt);
    }

    [Fact]
    public void A_check_in_on_a_holiday_is_kept_and_shown_as_such()
    {
        var christmas = PresenceDay.CheckIn(null, Agency, Andi, new PresenceSlot(new DateOnly(2026, 12, 25), WorkMode.Office, false), SevenThirtyWib.AddDays(18), null, LocationCheck.NotGiven);
        Assert.Equal((true, false, (StoredPosition?)null), (christmas.OnNonWorkingDay, christmas.IsFlagged, christmas.CheckInPosition));
    }

    [Fact]
    public void Positions_are_purged_after_the_retention_period_and_the_checks_stay()
    {
        var day = PresenceDay.CheckIn(null, Agency, Andi, new PresenceSlot(Monday, WorkMode.Home, true), SevenThirtyWib, AtHome, Inside);
        day.CheckOut(SevenThirtyWib.AddHours(8), AtHome, Inside);

        Assert.False(day.PurgePositions(SevenThirtyWib.AddDays(30).AddSeconds(-1), retentionDays: 30));
        Assert.Equal(new StoredPosition(-6.3, 106.8), day.CheckInPosition);
        Assert.True(day.PurgePositions(SevenThirtyWib.AddDays(30), retentionDays: 30));
        Assert.Equal(((StoredPosition?)null, (StoredPosition?)null, LocationOutcome.Inside), (day.CheckInPosition, day.CheckOutPosition, day.CheckInCheck.Outcome));
        Assert.False(day.PurgePositions(SevenThirtyWib.AddDays(31), retentionDays: 30)); // nothing left: a second run does nothing
    }
}

public class PresenceCorrectionTests
{
    private static readonly Guid Agency = Guid.NewGuid();
    private static readonly Guid Andi = Guid.NewGuid();
    private static readonly Guid Siti = Guid.NewGuid();
    private static readonly DateOnly Monday = new(2026, 12, 7);
    private static readonly DateTimeOffset Evening = new(2026, 12, 7, 12, 0, 0, TimeSpan.Zero); // 19:00 WIB, 20:00 WITA

    [Theory]
    [InlineData(IndonesianTimeZones.Wib, 0)] // 07:30 WIB is 00:30 UTC
    [InlineData(IndonesianTimeZones.Wita, -1)]
    [InlineData(IndonesianTimeZones.Wit, -2)]
    public void The_times_asked_for_are_the_persons_local_clock(string zone, int hoursFromWib)
    {
        var correction = PresenceCorrection.Request(Agency, Andi, Monday, new TimeOnly(7, 30), new TimeOnly(16, 0), zone, "Lupa presensi pulang", Evening);
        Assert.Equal(new DateTimeOffset(2026, 12, 7, 0, 30, 0, TimeSpan.Zero).AddHours(hoursFromWib), correction.CheckedInAt);
        Assert.Equal(TimeSpan.FromHours(8.5), correction.CheckedOutAt - correction.CheckedInAt);
    }

    [Theory]
    [InlineData(16, 0, 7, 30, "Lupa", "PRESENCE_CHECKOUT_BEFORE_CHECKIN")]
    [InlineData(7, 30, 7, 30, "Lupa", "PRESENCE_CHECKOUT_BEFORE_CHECKIN")]
    [InlineData(7, 30, 19, 30, "Lupa", "PRESENCE_CORRECTION_FUTURE")] // 19:30 WIB is after 19:00 WIB
    [InlineData(7, 30, 16, 0, "  ", "PRESENCE_CORRECTION_REASON_REQUIRED")]
    public void A_correction_needs_a_check_out_after_the_check_in_in_the_past_and_a_reason(int inHour, int inMinute, int outHour, int outMinute, string reason, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => PresenceCorrection.Request(
            Agency, Andi, Monday, new TimeOnly(inHour, inMinute), new TimeOnly(outHour, outMinute), IndonesianTimeZones.Wib, reason, Evening)).Code);

    [Theory]
    [InlineData(1, "PRESENCE_CORRECTION_FUTURE")]
    [InlineData(-32, "PRESENCE_CORRECTION_TOO_OLD")]
    [InlineData(-800_000, "PRESENCE_CORRECTION_TOO_OLD")] // the first day of the calendar: refused, not an overflow
    public void Only_the_last_month_can_be_corrected(int days, string code) =>
        Assert.Equal(code, Assert.Throws<DomainException>(() => PresenceCorrection.Request(
            Agency, Andi, Monday.AddDays(Math.Max(days, DateOnly.MinValue.DayNumber - Monday.DayNumber)), new TimeOnly(0, 0), new TimeOnly(0, 1), IndonesianTimeZones.Wit, "Lupa", Evening)).Code);

    [Fact]
    public void Nobody_decides_their_own_correction_and_a_decision_is_final()
    {
        var correction = PresenceCorrection.Request(Agency, Andi, Monday, new TimeOnly(7, 30), new TimeOnly(16, 0), IndonesianTimeZones.Wib, "Lupa", Evening);
        Assert.Equal("PRESENCE_OWN_DECISION", Assert.Throws<DomainException>(() => correction.Approve(Andi, null, null, Evening)).Code);
        Assert.Equal("COMMENT_REQUIRED", Assert.Throws<DomainException>(() => correction.Reject(Siti, null, " ", Evening)).Code);
        Assert.Equal(CorrectionStatus.Pending, correction.Status);

        correction.Approve(Siti, "siti", null, Evening);
        Assert.Equal((CorrectionStatus.Approved, Siti), (correction.Status, correction.DeciderEmployeeId));
        Assert.Equal("PRESENCE_CORRECTION_DECIDED", Assert.Throws<DomainException>(() => correction.Reject(Siti, "siti", "Tidak jadi", Evening)).Code);
    }

    [Fact]
    public void A_day_not_worked_is_excused_with_a_reason_and_never_becomes_a_presence()
    {
        var sick = PresenceCorrection.ExcuseAbsence(Agency, Andi, Monday, AbsenceExcuse.Sick, IndonesianTimeZones.Wib, "Demam, surat dokter menyusul", Evening);
        Assert.Equal((AbsenceExcuse.Sick, (DateTimeOffset?)null), (sick.Excuse, sick.CheckedInAt));
        Assert.Equal("PRESENCE_CORRECTION_REASON_REQUIRED", Assert.Throws<DomainException>(() =>
            PresenceCorrection.ExcuseAbsence(Agency, Andi, Monday, AbsenceExcuse.Leave, IndonesianTimeZones.Wib, "", Evening)).Code);
        Assert.Equal("PRESENCE_EXCUSE_INVALID", Assert.Throws<DomainException>(() =>
            PresenceCorrection.ExcuseAbsence(Agency, Andi, Monday, (AbsenceExcuse)42, IndonesianTimeZones.Wib, "?", Evening)).Code);
        Assert.Equal("PRESENCE_CORRECTION_FUTURE", Assert.Throws<DomainException>(() =>
            PresenceCorrection.ExcuseAbsence(Agency, Andi, Monday.AddDays(1), AbsenceExcuse.Leave, IndonesianTimeZones.Wib, "Cuti", Evening)).Code);

        sick.Approve(Siti, "siti", null, Evening);
        Assert.Throws<ArgumentException>(() => PresenceDay.Corrected(null, new PresenceSlot(Monday, WorkMode.Office, true), sick));
    }

    [Fact]
    public void An_approved_correction_sets_the_days_times_and_keeps_the_check_in_location()
    {
        var slot = new PresenceSlot(Monday, WorkMode.Home, true);
        var day = PresenceDay.CheckIn(null, Agency, Andi, slot, new DateTimeOffset(2026, 12, 7, 0, 40, 0, TimeSpan.Zero), null, new LocationCheck(LocationOutcome.Inside, 5, 10));
        var correction = PresenceCorrection.Request(Agency, Andi, Monday, new TimeOnly(7, 30), new TimeOnly(16, 0), IndonesianTimeZones.Wib, "Lupa presensi pulang", Evening);
        Assert.Throws<ArgumentException>(() => PresenceDay.Corrected(day, slot, correction)); // not approved yet

        correction.Approve(Siti, "siti", null, Evening);
        var corrected = PresenceDay.Corrected(day, slot, correction);
        Assert.Same(day, corrected);
        Assert.Equal((TimeSpan.FromHours(8.5), LocationOutcome.Inside, LocationOutcome.NotGiven, correction.Id),
            (corrected.Worked, corrected.CheckInCheck.Outcome, corrected.CheckOutCheck!.Outcome, corrected.CorrectionId));

        var forgotten = PresenceDay.Corrected(null, slot, correction); // never checked in at all
        Assert.Equal((Andi, TimeSpan.FromHours(8.5), LocationOutcome.NotGiven), (forgotten.EmployeeId, forgotten.Worked, forgotten.CheckInCheck.Outcome));
    }
}

public class AbsenceBandTests
{
    [Theory]
    [InlineData(0, AbsenceBand.None)]
    [InlineData(2, AbsenceBand.None)]
    [InlineData(3, AbsenceBand.LightSpoken)]
    [InlineData(4, AbsenceBand.LightWritten)]
    [InlineData(6, AbsenceBand.LightWritten)]
    [InlineData(7, AbsenceBand.LightStatement)]
    [InlineData(10, AbsenceBand.LightStatement)]
    [InlineData(11, AbsenceBand.ModerateSixMonths)]
    [InlineData(14, AbsenceBand.ModerateNineMonths)]
    [InlineData(17, AbsenceBand.ModerateTwelveMonths)]
    [InlineData(20, AbsenceBand.ModerateTwelveMonths)]
    [InlineData(21, AbsenceBand.HeavyDemotion)]
    [InlineData(25, AbsenceBand.HeavyRelease)]
    [InlineData(28, AbsenceBand.HeavyDismissal)]
    [InlineData(200, AbsenceBand.HeavyDismissal)]
    public void A_years_absences_fall_in_the_pp_94_2021_band(int days, AbsenceBand band) => Assert.Equal(band, AbsenceBands.Of(days));

    [Fact]
    public void Every_band_starts_where_the_one_below_ends() =>
        Assert.All(Enum.GetValues<AbsenceBand>().Skip(1), band =>
            Assert.Equal((band, band - 1), (AbsenceBands.Of(AbsenceBands.From(band)), AbsenceBands.Of(AbsenceBands.From(band) - 1))));
}

public class PresenceHoursTests
{
    private static readonly WorkingTime Time = new();
    private static readonly DateOnly Monday = new(2026, 12, 7);

    [Theory]
    [InlineData("07:30", "16:00", 450, false, false)] // Monday to Thursday: 8.5 h less the 60-minute break
    [InlineData("09:30", "18:00", 450, true, true)] // after the latest start (09:00), core hours from 09:00 missed
    [InlineData("08:00", "14:30", 330, false, true)] // left before the end of core hours (15:00)
    [InlineData("06:00", "06:30", 0, false, true)] // shorter than the break: no negative hours
    public void A_days_hours_are_net_of_the_break_with_late_starts_and_core_hours_flagged(string checkIn, string checkOut, int net, bool late, bool coreMissed)
    {
        var day = DayHours.Of(Monday, TimeOnly.Parse(checkIn, CultureInfo.InvariantCulture), TimeOnly.Parse(checkOut, CultureInfo.InvariantCulture), Time);
        Assert.Equal((net, late, coreMissed, false), (day.NetMinutes, day.LateStart, day.CoreHoursMissed, day.Open));
    }

    [Fact]
    public void Friday_has_the_longer_break_and_a_day_without_check_out_is_open()
    {
        Assert.Equal(450, DayHours.Of(Monday.AddDays(4), new TimeOnly(7, 30), new TimeOnly(16, 30), Time).NetMinutes); // 9 h less 90 minutes
        var open = DayHours.Of(Monday, new TimeOnly(7, 30), null, Time);
        Assert.Equal((0, true), (open.NetMinutes, open.Open));
    }

    [Fact]
    public void A_week_owes_37_5_hours_and_a_holiday_lowers_what_it_owes()
    {
        var fullDays = Enumerable.Range(0, 5).Select(i => Monday.AddDays(i)).ToList();
        var standard = WeekHours.Of(Monday, [.. fullDays.Select(d => DayHours.Of(d, new TimeOnly(7, 30), d.DayOfWeek == DayOfWeek.Friday ? new TimeOnly(16, 30) : new TimeOnly(16, 0), Time))], fullDays, Time);
        Assert.Equal((2250, 2250, false), (standard.NetMinutes, standard.OwedMinutes, standard.IsShort)); // the standard days are exactly 37.5 h

        var leftEarlyFriday = WeekHours.Of(Monday, [.. fullDays.Select(d => DayHours.Of(d, new TimeOnly(7, 30), new TimeOnly(16, 0), Time))], fullDays, Time);
        Assert.Equal((true, 30), (leftEarlyFriday.IsShort, leftEarlyFriday.ShortByMinutes)); // Friday's longer break

        var christmasWeek = new DateOnly(2026, 12, 21);
        var fourDays = Enumerable.Range(0, 5).Select(i => christmasWeek.AddDays(i)).Where(d => d.Day != 25).ToList();
        var held = WeekHours.Of(christmasWeek, [.. fourDays.Select(d => DayHours.Of(d, new TimeOnly(7, 30), new TimeOnly(16, 0), Time))], fourDays, Time);
        Assert.Equal((1800, 1800, false), (held.NetMinutes, held.OwedMinutes, held.IsShort));
    }

    [Fact]
    public void In_ramadan_the_week_owes_32_5_hours_and_the_day_starts_at_eight()
    {
        var ramadan = Time with { Ramadan = Time.Ramadan with { Periods = [new DateRange(Monday, Monday.AddDays(29))] } };
        var day = DayHours.Of(Monday, new TimeOnly(8, 45), new TimeOnly(15, 45), ramadan);
        Assert.Equal((390, false), (day.NetMinutes, day.LateStart)); // 7 h less the 30-minute Ramadan break
        Assert.Equal(1950, WeekHours.Of(Monday, [day], Enumerable.Range(0, 5).Select(i => Monday.AddDays(i)), ramadan).OwedMinutes);
    }
}
