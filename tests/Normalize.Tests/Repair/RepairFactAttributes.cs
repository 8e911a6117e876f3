using Normalize.Core.Repair;
using Normalize.Tests.Support;

namespace Normalize.Tests.Repair;

/// <summary>Why a repair test cannot run here: missing ../shared data, or missing Hunspell dictionaries (the stage's own message).</summary>
internal static class RepairSkip
{
    public static string? Reason(string? sharedRelative, bool needsDictionaries)
    {
        if (sharedRelative is not null && SharedData.Path(sharedRelative) is null)
        {
            return $"../shared/{sharedRelative} is not here (set NORMALIZE_SHARED to the shared folder to run this test)";
        }

        return needsDictionaries && Dictionaries.System.English is null
            ? "needs the Hunspell dictionaries: " + Dictionaries.System.Availability
            : null;
    }
}

/// <summary>A fact that is skipped, with the reason shown, without the shared file or the dictionaries it needs.</summary>
public sealed class RepairFactAttribute : FactAttribute
{
    public RepairFactAttribute(string? shared = null, bool dictionaries = true) => Skip = RepairSkip.Reason(shared, dictionaries);
}

/// <summary>A theory that is skipped, with the reason shown, without the shared file or the dictionaries it needs.</summary>
public sealed class RepairTheoryAttribute : TheoryAttribute
{
    public RepairTheoryAttribute(string? shared = null, bool dictionaries = true) => Skip = RepairSkip.Reason(shared, dictionaries);
}
