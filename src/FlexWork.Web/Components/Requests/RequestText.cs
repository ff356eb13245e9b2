using System.Globalization;
using FlexWork.Application.Requests;

namespace FlexWork.Web.Components.Requests;

/// <summary>How a request's dates read in lists: one day in full, a range shortened.</summary>
public static class RequestText
{
    public static string DateRange(RequestSummary request) => request.FirstDay == request.LastDay
        ? request.FirstDay.ToString("ddd, d MMM yyyy", CultureInfo.CurrentCulture)
        : $"{request.FirstDay.ToString("d MMM", CultureInfo.CurrentCulture)} – {request.LastDay.ToString("d MMM yyyy", CultureInfo.CurrentCulture)}";
}
