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

    [Inject]
    private IValidator<TModel> Validator { get; set; } = default!;

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
        var result = Validator.Validate((TModel)EditContext.Model);
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
            var failedField = EditContext.Field(failure.PropertyName);
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
