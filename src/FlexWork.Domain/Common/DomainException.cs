namespace FlexWork.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (clients and translations key on it);
/// <see cref="Arguments"/> fill the localized message.
/// </summary>
public sealed class DomainException(string code, params object[] arguments)
    : Exception($"{code}: {string.Join(", ", arguments)}")
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
