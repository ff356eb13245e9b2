using FlexWork.Application.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace FlexWork.Infrastructure.Persistence;

/// <summary>Lets <c>dotnet ef migrations add</c> build the model without starting the web app.</summary>
public sealed class DesignTimeDbContextFactory : IDesignTimeDbContextFactory<FlexWorkDbContext>
{
    public FlexWorkDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<FlexWorkDbContext>();
        options.UseFlexWorkDatabase("Host=localhost;Database=flexwork_design");
        return new FlexWorkDbContext(options.Options, new NoUser());
    }

    private sealed class NoUser : ICurrentUser
    {
        public string? UserId => null;

        public Guid? AgencyId => null;

        public Guid? EmployeeId => null;

        public IReadOnlyList<string> Roles => [];

        public string? IpAddress => null;

        public void ActAsSystemFor(Guid agencyId) => throw new NotSupportedException("Design time has no agency.");
    }
}
