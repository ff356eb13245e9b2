namespace FlexWork.Web.Components.Notifications;

/// <summary>Per circuit: lets a page that reads notifications tell the bell to count again.</summary>
public sealed class BellState
{
    public event Action? Changed;

    public void Refresh() => Changed?.Invoke();
}
