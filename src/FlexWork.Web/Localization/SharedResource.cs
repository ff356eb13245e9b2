namespace FlexWork.Web.Localization;

/// <summary>Marker for the one resource set of the UI: SharedResource.resx (Indonesian, the default) and SharedResource.en.resx.</summary>
public sealed class SharedResource;
