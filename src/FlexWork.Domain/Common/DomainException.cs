namespace FlexWork.Domain.Common;

/// <summary>
/// A broken business rule. <see cref="Code"/> is stable (clients and translations key on it);
/// <see cref="Arguments"/> fill the localized message. The exception message carries the code
/// only: arguments may be personal data (names, NIP) and must not reach the logs.
/// </summary>
public sealed class DomainException(string code, params object[] arguments) : Exception(code)
{
    public string Code { get; } = code;

    public IReadOnlyList<object> Arguments { get; } = arguments;
}
