using FlexWork.Domain.Employees;

namespace FlexWork.Domain.Performance;

/// <summary>A rating against expectations (di atas / sesuai / di bawah ekspektasi).</summary>
public enum Expectation
{
    Below,
    AsExpected,
    Above,
}

/// <summary>The seven core values of ASN behaviour (BerAKHLAK), each rated in an evaluation.</summary>
public enum BerAkhlak
{
    BerorientasiPelayanan,
    Akuntabel,
    Kompeten,
    Harmonis,
    Loyal,
    Adaptif,
    Kolaboratif,
}

/// <summary>
/// The predikat kinerja of PermenPANRB 6/2022: it follows from the rating of results and the
/// rating of behaviour by the quadrant, without weights.
/// </summary>
public static class Predikat
{
    public static PerformanceRating Of(Expectation results, Expectation behaviour) => (results, behaviour) switch
    {
        (Expectation.Above, Expectation.Above) => PerformanceRating.SangatBaik,
        (Expectation.Below, Expectation.Below) => PerformanceRating.SangatKurang,
        (Expectation.Below, _) => PerformanceRating.ButuhPerbaikan,
        (_, Expectation.Below) => PerformanceRating.Kurang,
        _ => PerformanceRating.Baik,
    };
}
