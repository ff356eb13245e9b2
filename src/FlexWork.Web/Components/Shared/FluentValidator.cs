using FlexWork.Web.Localization;
using FluentValidation;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.Forms;
using Microsoft.Extensions.Localization;

namespace FlexWork.Web.Components.Shared;

/// <summary>
/// Bridges a FluentValidation validator into the surrounding <see cref="EditForm"/>, so the
/// validator stays the single source of truth and its messages appear in the user's language.
/// </summary>
public sealed class FluentValidator<TModel> : ComponentBase, IDisposable
{
    private ValidationMessageStore? _messages;
    private EditContext? _subscribed;

    [CascadingParameter]
    private EditContext EditContext { get; set; } = default!;

    /// <summary>
    /// Validate the application's input record built from the form model (same property names)
    /// instead of the form model itself: the Application validator stays the only rule book.
    /// </summary>
    [Parameter]
    public Func<TModel, object>? ValidateAs { get; set; }

    /// <summary>
    /// Where a failure shows when the validated record is shaped differently from the form (e.g.
    /// a nested path of the settings to a flat form field); by default the field of the same name.
    /// </summary>
    [Parameter]
    public Func<TModel, string, FieldIdentifier>? FieldOf { get; set; }

    [Inject]
    private IServiceProvider Services { get; set; } = default!;

    [Inject]
    private IStringLocalizer<SharedResource> Localizer { get; set; } = default!;

    protected override void OnParametersSet()
    {
        if (ReferenceEquals(_subscribed, EditContext))
        {
            return;
        }

        Unsubscribe();
        _messages = new ValidationMessageStore(EditContext);
        EditContext.OnValidationRequested += OnValidationRequested;
        EditContext.OnFieldChanged += OnFieldChanged;
        _subscribed = EditContext;
    }

    public void Dispose() => Unsubscribe();

    private void OnValidationRequested(object? sender, ValidationRequestedEventArgs e) => Validate(field: null);

    private void OnFieldChanged(object? sender, FieldChangedEventArgs e) => Validate(e.FieldIdentifier);

    private void Validate(FieldIdentifier? field)
    {
        var model = (TModel)EditContext.Model;
        var target = ValidateAs is null ? model! : ValidateAs(model);
        var validator = (IValidator)Services.GetRequiredService(typeof(IValidator<>).MakeGenericType(target.GetType()));
        var result = validator.Validate(new ValidationContext<object>(target));
        if (field is { } changed)
        {
            _messages!.Clear(changed);
        }
        else
        {
            _messages!.Clear();
        }

        foreach (var failure in result.Errors)
        {
            var failedField = FieldOf is null ? EditContext.Field(failure.PropertyName) : FieldOf(model, failure.PropertyName);
            if (field is null || failedField.Equals(field))
            {
                _messages.Add(failedField, Localizer.Validation(failure));
            }
        }

        EditContext.NotifyValidationStateChanged();
    }

    private void Unsubscribe()
    {
        if (_subscribed is not null)
        {
            _subscribed.OnValidationRequested -= OnValidationRequested;
            _subscribed.OnFieldChanged -= OnFieldChanged;
            _subscribed = null;
        }
    }
}
