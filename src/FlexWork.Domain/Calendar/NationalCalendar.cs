namespace FlexWork.Domain.Calendar;

/// <summary>
/// National holidays and cuti bersama for 2025 and 2026 as set by the joint decrees (SKB 3
/// Menteri) of those years. Shipped as data: each agency gets a copy it can correct when the
/// government changes a date.
/// </summary>
public static class NationalCalendar
{
    public static IReadOnlyList<(DateOnly Date, CalendarEntryKind Kind, string Name)> Days { get; } =
    [
        (new(2025, 1, 1), CalendarEntryKind.NationalHoliday, "Tahun Baru 2025 Masehi"),
        (new(2025, 1, 27), CalendarEntryKind.NationalHoliday, "Isra Mikraj Nabi Muhammad SAW"),
        (new(2025, 1, 28), CalendarEntryKind.CutiBersama, "Cuti bersama Tahun Baru Imlek"),
        (new(2025, 1, 29), CalendarEntryKind.NationalHoliday, "Tahun Baru Imlek 2576 Kongzili"),
        (new(2025, 3, 28), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Suci Nyepi"),
        (new(2025, 3, 29), CalendarEntryKind.NationalHoliday, "Hari Suci Nyepi Tahun Baru Saka 1947"),
        (new(2025, 3, 31), CalendarEntryKind.NationalHoliday, "Idul Fitri 1446 Hijriah"),
        (new(2025, 4, 1), CalendarEntryKind.NationalHoliday, "Idul Fitri 1446 Hijriah"),
        (new(2025, 4, 2), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2025, 4, 3), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2025, 4, 4), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2025, 4, 7), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2025, 4, 18), CalendarEntryKind.NationalHoliday, "Wafat Yesus Kristus"),
        (new(2025, 4, 20), CalendarEntryKind.NationalHoliday, "Kebangkitan Yesus Kristus (Paskah)"),
        (new(2025, 5, 1), CalendarEntryKind.NationalHoliday, "Hari Buruh Internasional"),
        (new(2025, 5, 12), CalendarEntryKind.NationalHoliday, "Hari Raya Waisak 2569 BE"),
        (new(2025, 5, 13), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Raya Waisak"),
        (new(2025, 5, 29), CalendarEntryKind.NationalHoliday, "Kenaikan Yesus Kristus"),
        (new(2025, 5, 30), CalendarEntryKind.CutiBersama, "Cuti bersama Kenaikan Yesus Kristus"),
        (new(2025, 6, 1), CalendarEntryKind.NationalHoliday, "Hari Lahir Pancasila"),
        (new(2025, 6, 6), CalendarEntryKind.NationalHoliday, "Idul Adha 1446 Hijriah"),
        (new(2025, 6, 9), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Adha"),
        (new(2025, 6, 27), CalendarEntryKind.NationalHoliday, "Tahun Baru Islam 1447 Hijriah"),
        (new(2025, 8, 17), CalendarEntryKind.NationalHoliday, "Hari Kemerdekaan Republik Indonesia"),
        (new(2025, 8, 18), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Kemerdekaan"),
        (new(2025, 9, 5), CalendarEntryKind.NationalHoliday, "Maulid Nabi Muhammad SAW"),
        (new(2025, 12, 25), CalendarEntryKind.NationalHoliday, "Hari Raya Natal"),
        (new(2025, 12, 26), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Raya Natal"),

        (new(2026, 1, 1), CalendarEntryKind.NationalHoliday, "Tahun Baru 2026 Masehi"),
        (new(2026, 1, 16), CalendarEntryKind.NationalHoliday, "Isra Mikraj Nabi Muhammad SAW"),
        (new(2026, 2, 16), CalendarEntryKind.CutiBersama, "Cuti bersama Tahun Baru Imlek"),
        (new(2026, 2, 17), CalendarEntryKind.NationalHoliday, "Tahun Baru Imlek 2577 Kongzili"),
        (new(2026, 3, 18), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Suci Nyepi"),
        (new(2026, 3, 19), CalendarEntryKind.NationalHoliday, "Hari Suci Nyepi Tahun Baru Saka 1948"),
        (new(2026, 3, 20), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2026, 3, 21), CalendarEntryKind.NationalHoliday, "Idul Fitri 1447 Hijriah"),
        (new(2026, 3, 22), CalendarEntryKind.NationalHoliday, "Idul Fitri 1447 Hijriah"),
        (new(2026, 3, 23), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2026, 3, 24), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Fitri"),
        (new(2026, 4, 3), CalendarEntryKind.NationalHoliday, "Wafat Yesus Kristus"),
        (new(2026, 4, 5), CalendarEntryKind.NationalHoliday, "Kebangkitan Yesus Kristus (Paskah)"),
        (new(2026, 5, 1), CalendarEntryKind.NationalHoliday, "Hari Buruh Internasional"),
        (new(2026, 5, 14), CalendarEntryKind.NationalHoliday, "Kenaikan Yesus Kristus"),
        (new(2026, 5, 15), CalendarEntryKind.CutiBersama, "Cuti bersama Kenaikan Yesus Kristus"),
        (new(2026, 5, 27), CalendarEntryKind.NationalHoliday, "Idul Adha 1447 Hijriah"),
        (new(2026, 5, 28), CalendarEntryKind.CutiBersama, "Cuti bersama Idul Adha"),
        (new(2026, 5, 31), CalendarEntryKind.NationalHoliday, "Hari Raya Waisak 2570 BE"),
        (new(2026, 6, 1), CalendarEntryKind.NationalHoliday, "Hari Lahir Pancasila"),
        (new(2026, 6, 16), CalendarEntryKind.NationalHoliday, "Tahun Baru Islam 1448 Hijriah"),
        (new(2026, 8, 17), CalendarEntryKind.NationalHoliday, "Hari Kemerdekaan Republik Indonesia"),
        (new(2026, 8, 25), CalendarEntryKind.NationalHoliday, "Maulid Nabi Muhammad SAW"),
        (new(2026, 12, 24), CalendarEntryKind.CutiBersama, "Cuti bersama Hari Raya Natal"),
        (new(2026, 12, 25), CalendarEntryKind.NationalHoliday, "Hari Raya Natal"),
    ];

    /// <summary>Ramadan in the same years, as the government set it (1 Ramadan to the day before Idul Fitri).</summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To, string Name)> Ramadan { get; } =
    [
        (new(2025, 3, 1), new(2025, 3, 30), "Ramadan 1446 H"),
        (new(2026, 2, 18), new(2026, 3, 20), "Ramadan 1447 H"),
    ];

    public static IEnumerable<CalendarEntry> For(Guid agencyId) =>
        Days.Select(d => CalendarEntry.Create(agencyId, d.Date, d.Kind, d.Name));

    public static IEnumerable<RamadanPeriod> RamadanFor(Guid agencyId) =>
        Ramadan.Select(r => RamadanPeriod.Create(agencyId, r.From, r.To, r.Name));
}
