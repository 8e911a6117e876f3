namespace Normalize.Core;

/// <summary>Fields of the units stage's quantity spans.</summary>
public sealed partial class QuantitySpan
{
    /// <summary>Dimension kind (Length, Weight, Volume, Area, Speed, Information, Angle, Temperature, Time, Percent).</summary>
    public string? Kind { get; set; }

    /// <summary>The unit as written ("kilometres", "$", "152-mm" gives "mm").</summary>
    public string? OriginalUnit { get; set; }

    /// <summary>Value converted to the SI or base unit (<see cref="SiUnit"/>); money stays in its currency.</summary>
    public decimal? SiValue { get; set; }

    public string? SiUnit { get; set; }

    /// <summary>Lower and upper bound for ranges ("10-15 km") and comparisons ("more than 30").</summary>
    public QuantityRange? Range { get; set; }

    /// <summary>Time unit of a rate ("a day", "per month").</summary>
    public string? Rate { get; set; }

    /// <summary>The counted noun right after a bare number ("a million shells" gives "shells").</summary>
    public string? Noun { get; set; }
}

public sealed class QuantityRange
{
    public decimal? Min { get; set; }
    public decimal? Max { get; set; }
    public bool? MinInclusive { get; set; }
    public bool? MaxInclusive { get; set; }
}

/// <summary>Fields of the units stage's date spans.</summary>
public sealed partial class DateSpan
{
    /// <summary>"datetime" (the normalization bench's family for dates and times).</summary>
    public string Family { get; set; } = "datetime";

    /// <summary>Precision of <see cref="DateSpan.Iso"/>: year, month, day, minute, time.</summary>
    public string? Grain { get; set; }

    /// <summary>True when part of the date (year, day) was taken from the article date.</summary>
    public bool Completed { get; set; }
}
