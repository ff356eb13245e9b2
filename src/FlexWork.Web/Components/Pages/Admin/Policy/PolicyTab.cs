using Microsoft.AspNetCore.Components;

namespace FlexWork.Web.Components.Pages.Admin.Policy;

/// <summary>
/// One tab of the policy editor: it edits part of the shared <see cref="PolicyForm"/> inside the
/// editor's EditForm (fields bind with <c>For=</c>, so validation messages find them) and tells
/// the editor after every change, which validates the whole form and compares it with the base.
/// </summary>
public abstract class PolicyTab : ComponentBase
{
    [Parameter, EditorRequired]
    public PolicyForm Form { get; set; } = default!;

    [Parameter]
    public EventCallback OnChanged { get; set; }

    protected Task Changed() => OnChanged.InvokeAsync();

    protected Task Toggle<T>(HashSet<T> set, T item, bool on)
    {
        if (on)
        {
            set.Add(item);
        }
        else
        {
            set.Remove(item);
        }

        return Changed();
    }

    protected Task Add<T>(List<T> list, T item)
    {
        list.Add(item);
        return Changed();
    }

    protected Task Remove<T>(List<T> list, T item)
    {
        list.Remove(item);
        return Changed();
    }
}
