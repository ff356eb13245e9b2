using FlexWork.Domain.Policies;
using FlexWork.Domain.Requests;

namespace FlexWork.Web.Components.Requests;

/// <summary>One day of the request form, as the fields edit it.</summary>
public sealed class DayRow
{
    public DateOnly Date { get; set; }

    public WorkMode Mode { get; set; }

    public TimeSpan? Start { get; set; }

    public TimeSpan? End { get; set; }

    public Guid? LocationId { get; set; }

    public string? Address { get; set; }

    public bool NeedsLocation => Mode is WorkMode.OtherOffice or WorkMode.OtherLocation;

    public RequestDay ToInput() => new(
        Date, Mode, Start is { } s ? TimeOnly.FromTimeSpan(s) : null, End is { } e ? TimeOnly.FromTimeSpan(e) : null,
        NeedsLocation ? LocationId : null, Mode == WorkMode.OtherLocation && LocationId is null ? Address : null);

    public static DayRow From(RequestDay day) => new()
    {
        Date = day.Date, Mode = day.Mode, Start = day.Start?.ToTimeSpan(), End = day.End?.ToTimeSpan(), LocationId = day.LocationId, Address = day.Address,
    };
}
