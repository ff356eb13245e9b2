using FlexWork.Application.Accounts.EndSessions;
using FlexWork.Application.Accounts.InviteEmployee;
using FlexWork.Application.Agencies.ListAgencies;
using FlexWork.Application.Agencies.ManageAgencies;
using FlexWork.Application.Auditing.SearchAudit;
using FlexWork.Application.Calendar.ManageCalendar;
using FlexWork.Application.Employees.ManageEmployees;
using FlexWork.Application.Employees.SearchEmployees;
using FlexWork.Application.Imports;
using FlexWork.Application.Imports.ImportEmployees;
using FlexWork.Application.Imports.ImportOrganization;
using FlexWork.Application.Integrations;
using FlexWork.Application.Locations.ManageLocations;
using FlexWork.Application.Monitoring;
using FlexWork.Application.Notifications;
using FlexWork.Application.Organization.ManagePositions;
using FlexWork.Application.Organization.ManageUnits;
using FlexWork.Application.Performance;
using FlexWork.Application.Policies.CheckRequest;
using FlexWork.Application.Policies.ManagePolicy;
using FlexWork.Application.Policies.PreviewDraft;
using FlexWork.Application.Presence;
using FlexWork.Application.Profiles;
using FlexWork.Application.Requests.DecideRequest;
using FlexWork.Application.Requests.DelegateDecisions;
using FlexWork.Application.Requests.EscalateRequests;
using FlexWork.Application.Requests.SubmitRequest;
using FlexWork.Application.Schedules.CalendarFeed;
using FlexWork.Application.Schedules.ViewSchedule;
using FlexWork.Application.Profiles.GetMyProfile;
using FlexWork.Application.Common;
using FluentValidation;

namespace Microsoft.Extensions.DependencyInjection;

public static class DependencyInjection
{
    public static IServiceCollection AddApplication(this IServiceCollection services)
    {
        services.AddValidatorsFromAssemblyContaining<EmployeeSearchValidator>(ServiceLifetime.Singleton);

        services.AddMemoryCache(); // the monitoring reuses its before/after comparison for a while
        services.AddScoped<OrgRightsService>();
        services.AddScoped<MyProfileService>();
        services.AddScoped<PresenceService>();
        services.AddScoped<TeamPresenceService>();
        services.AddScoped<PositionPurge>();
        services.AddScoped<PresenceLedgerService>();
        services.AddScoped<IntegrationClientAdministration>();
        services.AddScoped<IntegrationClientSignIn>();
        services.AddScoped<PresenceIntake>();
        services.AddScoped<EmployeeDirectory>();
        services.AddScoped<AgencyDirectory>();
        services.AddScoped<AgencyAdministration>();
        services.AddScoped<AuditLog>();
        services.AddScoped<InvitationService>();
        services.AddScoped<SessionService>();
        services.AddScoped<ImportPipeline>();
        services.AddScoped<EmployeeImportService>();
        services.AddScoped<UnitImportService>();
        services.AddScoped<PositionImportService>();
        services.AddScoped<EmployeeAdministration>();
        services.AddScoped<UnitAdministration>();
        services.AddScoped<PositionAdministration>();
        services.AddScoped<PolicyAdministration>();
        services.AddScoped<PolicyCheckService>();
        services.AddScoped<PolicyPreviewService>();
        services.AddScoped<CalendarAdministration>();
        services.AddScoped<LocationAdministration>();
        services.AddScoped<RequestService>();
        services.AddScoped<ApprovalService>();
        services.AddScoped<ScheduleService>();
        services.AddScoped<CalendarFeedService>();
        services.AddScoped<NotificationService>();
        services.AddDomainEventHandlers<RequestNotifications>();
        services.AddDomainEventHandlers<PerformanceNotifications>();
        services.AddSingleton<MailOutboxSignal>();
        services.AddScoped<MailOutbox>();
        services.AddScoped<EscalationService>();
        services.AddScoped<DelegationService>();
        services.AddScoped<PeriodAdministration>();
        services.AddScoped<TargetService>();
        services.AddScoped<WorkReportService>();
        services.AddScoped<FeedbackService>();
        services.AddScoped<EvaluationService>();
        services.AddScoped<ResultsByModeService>();
        services.AddScoped<MonitoringService>();
        services.AddScoped<MonitoringReports>();
        return services;
    }

    /// <summary>One stateless instance for every <see cref="IDomainEventHandler{TEvent}"/> the type implements.</summary>
    private static void AddDomainEventHandlers<THandler>(this IServiceCollection services)
        where THandler : class
    {
        services.AddSingleton<THandler>();
        foreach (var handles in typeof(THandler).GetInterfaces().Where(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IDomainEventHandler<>)))
        {
            services.AddSingleton(handles, sp => sp.GetRequiredService<THandler>());
        }
    }
}
