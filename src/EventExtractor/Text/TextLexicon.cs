namespace EventExtractor.Text;

/// <summary>
/// The small word lists the tokenizer and sentence splitter rely on, kept here as data in one place so they
/// can be reviewed and extended without touching the scanning code. Every list is English-news oriented;
/// pass other lists to the <see cref="Tokenizer"/> / <see cref="SentenceSplitter"/> constructors to change them.
/// </summary>
internal static class TextLexicon
{
    /// <summary>
    /// Abbreviations whose final period belongs to the token ("Gen.", "Inc."). Matching is case-sensitive so
    /// that a sentence-final "no." or "co." is not mistaken for one. Dotted single-letter sequences
    /// ("U.S.", "e.g.", "a.m.") and capital initials ("W.") are recognised by shape and need not be listed;
    /// the common ones are listed anyway for readability.
    /// </summary>
    public static readonly IReadOnlyList<string> Abbreviations =
    [
        // countries and organisations written with periods
        "U.S.", "U.K.", "U.N.", "E.U.",
        // military and civil titles
        "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Brig.", "Adm.", "Cpl.", "Pvt.", "Cmdr.", "Lieut.",
        "Dr.", "Mr.", "Mrs.", "Ms.", "Messrs.", "Prof.", "Gov.", "Sen.", "Rep.", "Pres.", "Rev.", "Hon.",
        "Jr.", "Sr.",
        // places
        "St.", "Mt.", "Ft.", "Ave.", "Rd.", "Blvd.",
        // Latin and reference
        "vs.", "v.", "e.g.", "i.e.", "etc.", "approx.", "est.", "cf.",
        // time
        "a.m.", "p.m.", "A.M.", "P.M.",
        "Jan.", "Feb.", "Mar.", "Apr.", "Jun.", "Jul.", "Aug.", "Sep.", "Sept.", "Oct.", "Nov.", "Dec.",
        // companies
        "Inc.", "Ltd.", "Co.", "Corp.", "Bros.", "Dept.",
    ];

    /// <summary>
    /// Abbreviations that are only abbreviations when a number follows ("No. 5", "Nos. 3 and 4"); otherwise
    /// the period is an ordinary full stop ("The answer was No.").
    /// </summary>
    public static readonly IReadOnlyList<string> NumberAbbreviations = ["No.", "Nos.", "Art.", "Vol."];

    /// <summary>
    /// Abbreviations that never end a sentence because something always follows them: titles before a name,
    /// "No." before a number, Latin connectives. Other abbreviations ("U.S.", "a.m.", "Inc.") end a sentence
    /// only when a <see cref="SentenceStarters">sentence starter</see> follows.
    /// </summary>
    public static readonly IReadOnlyList<string> NonFinalAbbreviations =
    [
        "Gen.", "Lt.", "Col.", "Capt.", "Sgt.", "Maj.", "Brig.", "Adm.", "Cpl.", "Pvt.", "Cmdr.", "Lieut.",
        "Dr.", "Mr.", "Mrs.", "Ms.", "Messrs.", "Prof.", "Gov.", "Sen.", "Rep.", "Pres.", "Rev.", "Hon.",
        "St.", "Mt.", "Ft.",
        "No.", "Nos.", "Art.", "Vol.",
        "vs.", "v.", "e.g.", "i.e.", "cf.", "approx.", "est.",
    ];

    /// <summary>
    /// Capitalised words that commonly open an English news sentence and rarely continue a name. After an
    /// abbreviation that may end a sentence ("in the U.S. The next day"), one of these means a new sentence.
    /// </summary>
    public static readonly IReadOnlyList<string> SentenceStarters =
    [
        "The", "A", "An", "This", "That", "These", "Those", "There", "Here",
        "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "My", "Your",
        "On", "In", "At", "By", "For", "From", "With", "Without", "Of", "To", "Into", "Over", "Under",
        "After", "Before", "During", "Since", "Until", "Following", "Despite", "Amid", "Among", "Around",
        "But", "And", "Or", "So", "Yet", "However", "Meanwhile", "Moreover", "Also", "Still", "Then", "Thus",
        "When", "While", "Where", "Whether", "Although", "Though", "Because", "If", "As", "Once",
        "According", "Earlier", "Later", "Separately", "Elsewhere", "Overall",
        "No", "None", "Some", "Many", "Most", "Several", "Few", "All", "Both", "Each", "Every", "Other", "Another",
        "One", "Two", "Three", "Four", "Five", "Six", "Seven", "Eight", "Nine", "Ten",
        "What", "Who", "Why", "How", "Which",
        "Yesterday", "Today", "Tomorrow", "Last", "Next",
    ];
}
