using System.Globalization;
using System.Runtime.CompilerServices;
using EventExtractor.Pipeline;

namespace EventExtractor.Text;

/// <summary>
/// Splits a document's text into <see cref="Token"/>s in one pass over its characters, without allocating
/// per token. Rules (rule-based, in the spirit of Catalyst / spaCy):
/// <list type="bullet">
/// <item>Abbreviations keep their periods: listed ones ("Gen.", "Inc."; "No." only before a number), dotted
/// letter sequences ("U.S.", "e.g.", "a.m."), and capital initials ("W."). They get
/// <see cref="TokenFlags.Abbreviation"/>. "U.S.-led" stays one hyphenated token.</item>
/// <item>Numbers keep thousands separators, decimals, clock times and slashed dates ("160,000", "2.5", "9:58",
/// "19/05/2020"); ordinals and decades keep their suffix ("27th", "1990s"); a unit is split off ("10km" → "10",
/// "km"). A numeric range is split at its hyphen ("2020-2022" → "2020", "-", "2022").</item>
/// <item>Apostrophes inside words stay ("Kata’ib", "O'Brien"), but English clitics are split off like spaCy
/// does: "Iraq’s" → "Iraq", "’s"; also 're 've 'll 'm and n't ("don't" → "do", "n't"). 'd is not split
/// (it clashes with transliterated names such as "Sa'd").</item>
/// <item>Hyphenated compounds are one token with <see cref="TokenFlags.Hyphenated"/> ("Iran-backed",
/// "2,500-strong", "F-16"); en and em dashes, and "--", are separate punctuation.</item>
/// <item>Quote marks are separate tokens flagged <see cref="TokenFlags.OpeningQuote"/> or
/// <see cref="TokenFlags.ClosingQuote"/>; straight quotes get their direction from the neighbouring characters.
/// A lone ’ that closes nothing is an apostrophe (plural possessive) and gets neither flag.</item>
/// <item>Tokens between an opening quote and its closing quote get <see cref="TokenFlags.Quoted"/>, across
/// sentences. Quote depth resets at every line break: news style re-opens a quotation that continues into the
/// next paragraph with a fresh opening mark, so nothing is lost, and an unclosed quote cannot leak.</item>
/// <item>URLs, e-mail addresses, @handles, #hashtags and bare domains ("bbc.co.uk") are single
/// <see cref="TokenKind.Symbol"/> tokens.</item>
/// <item>Unicode: every white space (NBSP included), control and invisible format character separates tokens,
/// except joiners (ZWJ, ZWNJ, soft hyphen, word joiner) and combining marks, which stay inside the word they
/// touch. Emoji sequences (modifiers, ZWJ sequences, flags) are one symbol token. A surrogate pair is never split;
/// a lone surrogate becomes a one-character symbol token.</item>
/// </list>
/// </summary>
internal sealed class Tokenizer : IStage
{
    private readonly HashSet<string> _abbreviations;
    private readonly HashSet<string> _numberAbbreviations;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _abbreviationLookup;
    private readonly HashSet<string>.AlternateLookup<ReadOnlySpan<char>> _numberAbbreviationLookup;
    private readonly int _maxAbbreviationLength;

    /// <summary>A tokenizer with the English news abbreviations of <see cref="TextLexicon"/>.</summary>
    public Tokenizer() : this(TextLexicon.Abbreviations, TextLexicon.NumberAbbreviations)
    {
    }

    /// <summary>A tokenizer with the given abbreviation lists (each entry ends with its period).</summary>
    /// <param name="abbreviations">Abbreviations that always keep their period ("Gen.").</param>
    /// <param name="numberAbbreviations">Abbreviations that keep their period only before a number ("No.").</param>
    public Tokenizer(IEnumerable<string> abbreviations, IEnumerable<string> numberAbbreviations)
    {
        _abbreviations = new HashSet<string>(abbreviations, StringComparer.Ordinal);
        _numberAbbreviations = new HashSet<string>(numberAbbreviations, StringComparer.Ordinal);
        _abbreviationLookup = _abbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        _numberAbbreviationLookup = _numberAbbreviations.GetAlternateLookup<ReadOnlySpan<char>>();
        foreach (var a in _abbreviations.Concat(_numberAbbreviations))
            _maxAbbreviationLength = Math.Max(_maxAbbreviationLength, a.Length);
    }

    public string Name => "tokenizer";

    public Annotations Requires => Annotations.None;

    public Annotations Provides => Annotations.Tokens;

    /// <summary>Tokenizes the whole <see cref="Document.Text"/> into <see cref="Document.Tokens"/>.</summary>
    public void Process(Document document)
    {
        Token[] tokens = [];
        int count = Tokenize(document.Text, ref tokens);
        document.Tokens = tokens;
        document.TokenCount = count;
    }

    /// <summary>
    /// Tokenizes <paramref name="text"/> into <paramref name="tokens"/>, reusing that array when it is large
    /// enough and replacing it with a larger one (grown by doubling) when not. Returns the number of tokens.
    /// </summary>
    public int Tokenize(ReadOnlySpan<char> text, ref Token[] tokens)
    {
        if (tokens.Length == 0) tokens = new Token[Math.Max(16, text.Length / 5)];
        var scanner = new Scanner(this, text, tokens);
        scanner.Run();
        tokens = scanner.Tokens;
        return scanner.Count;
    }

    internal bool IsAbbreviation(ReadOnlySpan<char> candidate) =>
        candidate.Length <= _maxAbbreviationLength && _abbreviationLookup.Contains(candidate);

    internal bool IsNumberAbbreviation(ReadOnlySpan<char> candidate) =>
        candidate.Length <= _maxAbbreviationLength && _numberAbbreviationLookup.Contains(candidate);

    // ASCII character classes, so the common case costs one table load per character.
    internal const byte CLetter = 1, CUpper = 2, CLower = 4, CDigit = 8, CSpace = 16, CNewline = 32, CPunct = 64;

    internal static readonly byte[] Ascii = BuildAscii();

    private static byte[] BuildAscii()
    {
        var t = new byte[128];
        for (int c = 0; c < 128; c++)
        {
            byte k = 0;
            if (c is >= 'a' and <= 'z') k = CLetter | CLower;
            else if (c is >= 'A' and <= 'Z') k = CLetter | CUpper;
            else if (c is >= '0' and <= '9') k = CDigit;
            else if (c < 32 || c == ' ' || c == 127) k = CSpace;
            else if (char.IsPunctuation((char)c)) k = CPunct;
            if (c is '\n' or '\r' or '\v' or '\f') k |= CNewline;
            t[c] = k;
        }
        return t;
    }

    /// <summary>True for characters that end a line (and so reset quote depth and bound sentences).</summary>
    internal static bool IsNewline(char c) => c is '\n' or '\r' or '\v' or '\f' or '\u0085' or '\u2028' or '\u2029';

    private ref struct Scanner
    {
        private readonly Tokenizer _owner;
        private readonly ReadOnlySpan<char> _s;
        public Token[] Tokens;
        public int Count;
        private int _doubleDepth;
        private int _singleDepth;

        public Scanner(Tokenizer owner, ReadOnlySpan<char> text, Token[] tokens)
        {
            _owner = owner;
            _s = text;
            Tokens = tokens;
        }

        /// <summary>Letter counts and shape bits gathered while a word is scanned, so flags need no second pass.</summary>
        private struct Shape
        {
            public int Upper;
            public int Bits; // CLower | CDigit seen
            public bool Hyphen;
            public bool Dotted;
        }

        public void Run()
        {
            var s = _s;
            int n = s.Length;
            int i = 0;
            while (i < n)
            {
                char c = s[i];
                if (c < 128)
                {
                    byte k = Ascii[c];
                    if ((k & CSpace) != 0)
                    {
                        if ((k & CNewline) != 0) { _doubleDepth = 0; _singleDepth = 0; }
                        i++;
                    }
                    else if ((k & CLetter) != 0) i = Word(i);
                    else if ((k & CDigit) != 0) i = Number(i);
                    else i = AsciiOther(i, c);
                }
                else i = NonAscii(i, c);
            }
        }

        // ---------------------------------------------------------------- emission

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void Emit(int start, int end, TokenKind kind, TokenFlags flags)
        {
            if (Count == Tokens.Length) Grow();
            if ((_doubleDepth | _singleDepth) != 0) flags |= TokenFlags.Quoted;
            Tokens[Count++] = new Token(start, end - start, kind, flags);
        }

        private void Grow()
        {
            var bigger = new Token[Math.Max(16, Tokens.Length * 2)];
            Array.Copy(Tokens, bigger, Count);
            Tokens = bigger;
        }

        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private void EmitWord(int start, int end, TokenKind kind, in Shape sh)
        {
            var f = TokenFlags.None;
            if (IsUpperAt(start)) f |= TokenFlags.Capitalized;
            if (sh.Upper >= 2 && (sh.Bits & CLower) == 0) f |= TokenFlags.AllCaps;
            if ((sh.Bits & CDigit) != 0) f |= TokenFlags.HasDigit;
            if (sh.Hyphen) f |= TokenFlags.Hyphenated;
            Emit(start, end, kind, f);
        }

        /// <summary>Emits a word whose shape was not tracked (a split or an abbreviation): rare, so rescan it.</summary>
        private void EmitRescanned(int start, int end, TokenKind kind, TokenFlags extra)
        {
            var sh = new Shape();
            for (int j = start; j < end;)
            {
                char c = _s[j];
                if (c < 128)
                {
                    byte k = Ascii[c];
                    sh.Upper += (k >> 1) & 1;
                    sh.Bits |= k;
                    if (c == '-') sh.Hyphen = true;
                    j++;
                }
                else
                {
                    int w = NonAsciiWordChar(j, ref sh);
                    j += w == 0 ? 1 : w;
                }
            }
            var f = extra;
            if (IsUpperAt(start)) f |= TokenFlags.Capitalized;
            if (sh.Upper >= 2 && (sh.Bits & CLower) == 0) f |= TokenFlags.AllCaps;
            if ((sh.Bits & CDigit) != 0) f |= TokenFlags.HasDigit;
            if (sh.Hyphen) f |= TokenFlags.Hyphenated;
            Emit(start, end, kind, f);
        }

        // ---------------------------------------------------------------- character tests

        private bool IsUpperAt(int j)
        {
            char c = _s[j];
            if (c < 128) return (Ascii[c] & CUpper) != 0;
            if (char.IsHighSurrogate(c) && j + 1 < _s.Length && char.IsLowSurrogate(_s[j + 1]))
                return CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, _s[j + 1])) == UnicodeCategory.UppercaseLetter;
            return char.IsUpper(c);
        }

        private bool IsLetterAt(int j)
        {
            if ((uint)j >= (uint)_s.Length) return false;
            char c = _s[j];
            if (c < 128) return (Ascii[c] & CLetter) != 0;
            return IsLetterCategory(CategoryAt(j));
        }

        private bool IsDigitAt(int j)
        {
            if ((uint)j >= (uint)_s.Length) return false;
            char c = _s[j];
            if (c < 128) return (Ascii[c] & CDigit) != 0;
            return CategoryAt(j) == UnicodeCategory.DecimalDigitNumber;
        }

        private bool IsAlnumAt(int j)
        {
            if ((uint)j >= (uint)_s.Length) return false;
            char c = _s[j];
            if (c < 128) return (Ascii[c] & (CLetter | CDigit)) != 0;
            var cat = CategoryAt(j);
            return IsLetterCategory(cat) || cat == UnicodeCategory.DecimalDigitNumber;
        }

        private bool IsSpaceAt(int j) => (uint)j >= (uint)_s.Length || char.IsWhiteSpace(_s[j]);

        /// <summary>Category of the code point at j; a lone surrogate is reported as Surrogate.</summary>
        private UnicodeCategory CategoryAt(int j)
        {
            char c = _s[j];
            if (char.IsHighSurrogate(c))
            {
                if (j + 1 < _s.Length && char.IsLowSurrogate(_s[j + 1]))
                    return CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, _s[j + 1]));
                return UnicodeCategory.Surrogate;
            }
            return CharUnicodeInfo.GetUnicodeCategory(c);
        }

        private static bool IsLetterCategory(UnicodeCategory cat) => cat <= UnicodeCategory.OtherLetter;

        private static bool IsMarkCategory(UnicodeCategory cat) =>
            cat is UnicodeCategory.NonSpacingMark or UnicodeCategory.SpacingCombiningMark or UnicodeCategory.EnclosingMark;

        /// <summary>Width (1 or 2) of a non-ASCII character that continues a word at j, or 0.</summary>
        private int NonAsciiWordChar(int j, ref Shape sh)
        {
            char c = _s[j];
            int width = 1;
            UnicodeCategory cat;
            if (char.IsHighSurrogate(c))
            {
                if (j + 1 >= _s.Length || !char.IsLowSurrogate(_s[j + 1])) return 0;
                cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, _s[j + 1]));
                width = 2;
            }
            else
            {
                // Joiners bind the letters around them (Persian ZWNJ, soft hyphen); other invisibles separate.
                if (c is '\u200C' or '\u200D' or '\u00AD' or '\u2060') return 1;
                cat = CharUnicodeInfo.GetUnicodeCategory(c);
            }
            switch (cat)
            {
                case UnicodeCategory.UppercaseLetter: sh.Upper++; return width;
                case UnicodeCategory.LowercaseLetter: sh.Bits |= CLower; return width;
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return width;
                case UnicodeCategory.DecimalDigitNumber: sh.Bits |= CDigit; return width;
                default: return 0;
            }
        }

        /// <summary>Index after the combining marks (and variation selectors) that follow j.</summary>
        private int SkipMarks(int j)
        {
            while (j < _s.Length)
            {
                char c = _s[j];
                if (c < 0x300) break;
                if (char.IsSurrogate(c))
                {
                    if (char.IsHighSurrogate(c) && j + 1 < _s.Length && char.IsLowSurrogate(_s[j + 1])
                        && IsMarkCategory(CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, _s[j + 1]))))
                    {
                        j += 2;
                        continue;
                    }
                    break;
                }
                if (!IsMarkCategory(CharUnicodeInfo.GetUnicodeCategory(c))) break;
                j++;
            }
            return j;
        }

        // ---------------------------------------------------------------- words

        private int Word(int start)
        {
            char c0 = _s[start];
            if ((c0 | 0x20) is 'h' or 'w')
            {
                int u = UrlEnd(start);
                if (u > 0)
                {
                    Emit(start, u, TokenKind.Symbol, TokenFlags.None);
                    return u;
                }
            }
            var sh = new Shape();
            return WordFrom(start, start, ref sh);
        }

        /// <summary>Scans a word from j (the token began at start) and emits it; returns the index after it.</summary>
        private int WordFrom(int start, int j, ref Shape sh)
        {
            var s = _s;
            int n = s.Length;
            while (true)
            {
                while (j < n)
                {
                    char c = s[j];
                    if (c < 128)
                    {
                        byte k = Ascii[c];
                        if ((k & (CLetter | CDigit)) == 0) break;
                        sh.Upper += (k >> 1) & 1;
                        sh.Bits |= k;
                        j++;
                    }
                    else
                    {
                        int w = NonAsciiWordChar(j, ref sh);
                        if (w == 0) break;
                        j += w;
                    }
                }
                if (j >= n) break;
                char d = s[j];
                if (d is '-' or '\u2010' or '\u2011')
                {
                    if (IsAlnumAt(j + 1)) { sh.Hyphen = true; j++; continue; }
                    break;
                }
                if (d is '\'' or '\u2019')
                {
                    if (!IsLetterAt(j + 1)) break;
                    int clitic = CliticEnd(j);
                    if (clitic > 0 && j > start)
                    {
                        EmitRescanned(start, j, sh.Dotted ? TokenKind.Symbol : TokenKind.Word, TokenFlags.None);
                        EmitRescanned(j, clitic, TokenKind.Word, TokenFlags.None);
                        return clitic;
                    }
                    if (j - 1 > start && (s[j - 1] | 0x20) == 'n' && (s[j + 1] | 0x20) == 't' && !IsAlnumAt(j + 2))
                    {
                        EmitRescanned(start, j - 1, TokenKind.Word, TokenFlags.None);
                        EmitRescanned(j - 1, j + 2, TokenKind.Word, TokenFlags.None);
                        return j + 2;
                    }
                    j++;
                    continue;
                }
                if (d == '.')
                {
                    int e = sh.Hyphen || sh.Dotted ? -1 : AbbreviationEnd(start, j);
                    if (e > 0)
                    {
                        // "U.S.-led": the compound stays whole, like any hyphenated word.
                        if (e < n && s[e] == '-' && IsLetterAt(e + 1))
                        {
                            sh.Hyphen = true;
                            j = e + 1;
                            continue;
                        }
                        EmitRescanned(start, e, TokenKind.Word, TokenFlags.Abbreviation);
                        return e;
                    }
                    // A period glued to lower-case text is a domain or an address, not a full stop.
                    if (j + 1 < n && s[j + 1] < 128 && (Ascii[s[j + 1]] & (CLower | CDigit)) != 0)
                    {
                        sh.Dotted = true;
                        j++;
                        continue;
                    }
                    break;
                }
                if (d == '@' && j + 1 < n && s[j + 1] < 128 && (Ascii[s[j + 1]] & (CLetter | CDigit)) != 0)
                {
                    int e = EmailEnd(j);
                    if (e > 0)
                    {
                        Emit(start, e, TokenKind.Symbol, TokenFlags.None);
                        return e;
                    }
                }
                break;
            }
            if (sh.Dotted) Emit(start, j, TokenKind.Symbol, TokenFlags.None);
            else EmitWord(start, j, TokenKind.Word, sh);
            return j;
        }

        /// <summary>
        /// With a word [start, dot) followed by a period at dot, returns the end of the abbreviation that
        /// period belongs to, or -1 when it is an ordinary full stop.
        /// </summary>
        private int AbbreviationEnd(int start, int dot)
        {
            var s = _s;
            if (dot - start == 1 && IsLetterAt(start))
            {
                int e = dot + 1, groups = 1;
                while (e + 1 < s.Length && s[e + 1] == '.' && IsLetterAt(e) && !char.IsSurrogate(s[e]))
                {
                    e += 2;
                    groups++;
                }
                if (groups >= 2) return e;       // U.S., e.g., a.m.
                if (IsUpperAt(start)) return dot + 1; // an initial: "George W. Bush"
                return -1;
            }
            var candidate = s.Slice(start, dot + 1 - start);
            if (_owner.IsAbbreviation(candidate)) return dot + 1;
            if (_owner.IsNumberAbbreviation(candidate))
            {
                int k = dot + 1;
                while (k < s.Length && (s[k] == ' ' || s[k] == '\u00A0')) k++;
                if (IsDigitAt(k)) return dot + 1;
            }
            return -1;
        }

        /// <summary>If the apostrophe at j starts an English clitic ('s 're 've 'll 'm) ending there, its end; else 0.</summary>
        private int CliticEnd(int j)
        {
            var s = _s;
            int e = j + 1;
            while (e < s.Length && e - j <= 3 && s[e] < 128 && (Ascii[s[e]] & CLetter) != 0) e++;
            if (e < s.Length && IsAlnumAt(e)) return 0;
            int len = e - j - 1;
            char a = (char)(s[j + 1] | 0x20);
            if (len == 1) return a is 's' or 'm' ? e : 0;
            if (len == 2)
            {
                char b = (char)(s[j + 2] | 0x20);
                if ((a == 'r' || a == 'v') && b == 'e') return e;
                if (a == 'l' && b == 'l') return e;
            }
            return 0;
        }

        // ---------------------------------------------------------------- numbers

        private int Number(int start)
        {
            var s = _s;
            int n = s.Length;
            int j = SkipDigits(start);
            while (j < n)
            {
                char c = s[j];
                if (c == ',' && IsDigitAt(j + 1) && IsDigitAt(j + 2) && IsDigitAt(j + 3) && !IsDigitAt(j + 4))
                    j += 4;
                else if ((c == '.' || c == '/') && IsDigitAt(j + 1))
                    j = SkipDigits(j + 1);
                else if (c == ':' && IsDigitAt(j + 1) && IsDigitAt(j + 2) && !IsDigitAt(j + 3))
                    j += 3;
                else break;
            }
            var sh = new Shape { Bits = CDigit };
            if (j < n && s[j] < 128 && (Ascii[s[j]] & CLetter) != 0)
            {
                // Ordinals and decades keep their suffix; anything else (a unit) becomes its own token.
                int e = j;
                while (e < n && e - j < 3 && s[e] < 128 && (Ascii[s[e]] & CLetter) != 0) e++;
                if (!IsAlnumAt(e))
                {
                    char a = (char)(s[j] | 0x20);
                    int len = e - j;
                    bool keep = len == 1 ? a == 's'
                        : len == 2 && (char)(s[j + 1] | 0x20) is var b
                          && ((a == 's' && b == 't') || (a == 'n' && b == 'd') || (a == 'r' && b == 'd') || (a == 't' && b == 'h'));
                    if (keep) j = e;
                }
            }
            if (j < n && s[j] is '-' or '\u2010' or '\u2011' && IsLetterAt(j + 1))
            {
                // "2,500-strong", "9-year-old": a compound word that starts with a number.
                sh.Hyphen = true;
                return WordFrom(start, j + 1, ref sh);
            }
            Emit(start, j, TokenKind.Number, TokenFlags.HasDigit);
            return j;
        }

        private int SkipDigits(int j)
        {
            var s = _s;
            while (j < s.Length)
            {
                char c = s[j];
                if (c < 128)
                {
                    if ((Ascii[c] & CDigit) == 0) break;
                    j++;
                }
                else if (IsDigitAt(j)) j += char.IsHighSurrogate(c) ? 2 : 1;
                else break;
            }
            return j;
        }

        // ---------------------------------------------------------------- URLs, addresses, handles

        private int UrlEnd(int start)
        {
            var rest = _s[start..];
            int p;
            if (rest.StartsWith("https://", StringComparison.OrdinalIgnoreCase)) p = 8;
            else if (rest.StartsWith("http://", StringComparison.OrdinalIgnoreCase)) p = 7;
            else if (rest.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) p = 4;
            else return -1;
            if (p >= rest.Length || char.IsWhiteSpace(rest[p])) return -1;
            int e = p, open = 0;
            while (e < rest.Length)
            {
                char c = rest[e];
                if (char.IsWhiteSpace(c) || char.IsControl(c) || c is '"' or '<' or '>' or '“' or '”' or '‘' or '’' or '«' or '»') break;
                if (c == '(') open++;
                else if (c == ')') open--;
                e++;
            }
            // Trailing punctuation belongs to the sentence, and an unmatched ')' to the text around the URL.
            while (e > p)
            {
                char c = rest[e - 1];
                if (c is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or ']' or '}') e--;
                else if (c == ')' && open < 0) { e--; open++; }
                else break;
            }
            if (e <= p) return -1;
            // Never end between the halves of a surrogate pair.
            if (char.IsHighSurrogate(rest[e - 1]) && e < rest.Length) e++;
            return start + e;
        }

        /// <summary>With a local part before the '@' at 'at', returns the end of the address, or -1.</summary>
        private int EmailEnd(int at)
        {
            var s = _s;
            int e = at + 1, dots = 0;
            while (e < s.Length)
            {
                char c = s[e];
                if (c < 128 && (Ascii[c] & (CLetter | CDigit)) != 0) e++;
                else if ((c == '.' || c == '-') && e + 1 < s.Length && s[e + 1] < 128 && (Ascii[s[e + 1]] & (CLetter | CDigit)) != 0)
                {
                    if (c == '.') dots++;
                    e++;
                }
                else break;
            }
            return dots > 0 ? e : -1;
        }

        private int HandleEnd(int j)
        {
            // @handle / #hashtag body: letters (any script), digits, underscores.
            var sh = new Shape();
            while (j < _s.Length)
            {
                char c = _s[j];
                if (c < 128)
                {
                    if ((Ascii[c] & (CLetter | CDigit)) == 0 && c != '_') break;
                    j++;
                }
                else
                {
                    int w = NonAsciiWordChar(j, ref sh);
                    if (w == 0 || c is '\u200C' or '\u200D' or '\u00AD' or '\u2060') break;
                    j += w;
                }
            }
            return j;
        }

        // ---------------------------------------------------------------- punctuation and symbols

        private int AsciiOther(int i, char c)
        {
            var s = _s;
            int n = s.Length;
            switch (c)
            {
                case '"':
                    return DoubleQuote(i, StraightIsOpening(i, _doubleDepth));
                case '\'':
                    return SingleQuote(i, straight: true);
                case '.':
                case '!':
                case '?':
                {
                    int e = i + 1;
                    while (e < n && s[e] is '.' or '!' or '?' or '…') e++;
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.None);
                    return e;
                }
                case '-':
                {
                    int e = i + 1;
                    while (e < n && s[e] == '-') e++;
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.None);
                    return e;
                }
                case '@':
                case '#':
                {
                    bool body = c == '@'
                        ? i + 1 < n && (IsAlnumAt(i + 1) || s[i + 1] == '_')
                        : IsLetterAt(i + 1);
                    bool glued = i > 0 && IsAlnumAt(i - 1);
                    if (body && !glued)
                    {
                        int e = HandleEnd(i + 1);
                        Emit(i, e, TokenKind.Symbol, TokenFlags.None);
                        return e;
                    }
                    Emit(i, i + 1, TokenKind.Punctuation, TokenFlags.None);
                    return i + 1;
                }
                default:
                {
                    var kind = (Ascii[c] & CPunct) != 0 ? TokenKind.Punctuation : TokenKind.Symbol;
                    int e = SkipMarks(i + 1);
                    Emit(i, e, kind, TokenFlags.None);
                    return e;
                }
            }
        }

        /// <summary>
        /// Direction of a straight double quote from its neighbours: after space or an opening bracket and before
        /// text it opens; after text and before space or punctuation it closes; otherwise the quote depth decides.
        /// </summary>
        private bool StraightIsOpening(int i, int depth)
        {
            var s = _s;
            bool spaceBefore = i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] is '(' or '[' or '{' or '—' or '–' or '“' or '‘' or '\u200B' or '\uFEFF';
            bool spaceAfter = IsSpaceAt(i + 1);
            if (spaceBefore && !spaceAfter) return true;
            if (!spaceBefore)
            {
                if (spaceAfter) return false;
                char next = s[i + 1];
                if (next < 128 ? (Ascii[next] & CPunct) != 0 : char.IsPunctuation(next)) return false;
            }
            return depth == 0;
        }

        private int DoubleQuote(int i, bool opening)
        {
            int e = SkipMarks(i + 1);
            if (opening)
            {
                Emit(i, e, TokenKind.Punctuation, TokenFlags.OpeningQuote);
                if (_doubleDepth < 16) _doubleDepth++;
            }
            else
            {
                if (_doubleDepth > 0) _doubleDepth--;
                Emit(i, e, TokenKind.Punctuation, TokenFlags.ClosingQuote);
            }
            return e;
        }

        /// <summary>A ' or ’ at the start of a token: a clitic, a closing or opening single quote, or an apostrophe.</summary>
        private int SingleQuote(int i, bool straight)
        {
            var s = _s;
            bool spaceBefore = i == 0 || char.IsWhiteSpace(s[i - 1]) || s[i - 1] is '(' or '[' or '{' or '—' or '–' or '“' or '"';
            if (!spaceBefore && IsLetterAt(i + 1))
            {
                int clitic = CliticEnd(i);
                if (clitic > 0)
                {
                    EmitRescanned(i, clitic, TokenKind.Word, TokenFlags.None);
                    return clitic;
                }
            }
            int e = SkipMarks(i + 1);
            if (!spaceBefore)
            {
                if (_singleDepth > 0)
                {
                    _singleDepth--;
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.ClosingQuote);
                }
                else Emit(i, e, TokenKind.Punctuation, TokenFlags.None); // plural possessive: "soldiers’"
                return e;
            }
            // After a space: a straight ' opens a quote if text follows; a curly ’ there is an elision ("’90s").
            if (straight && !IsSpaceAt(i + 1))
            {
                Emit(i, e, TokenKind.Punctuation, TokenFlags.OpeningQuote);
                if (_singleDepth < 16) _singleDepth++;
                return e;
            }
            Emit(i, e, TokenKind.Punctuation, TokenFlags.None);
            return e;
        }

        private int NonAscii(int i, char c)
        {
            var s = _s;
            if (char.IsSurrogate(c))
            {
                if (char.IsHighSurrogate(c) && i + 1 < s.Length && char.IsLowSurrogate(s[i + 1]))
                {
                    var cat = CharUnicodeInfo.GetUnicodeCategory(char.ConvertToUtf32(c, s[i + 1]));
                    if (IsLetterCategory(cat)) return Word(i);
                    if (cat == UnicodeCategory.DecimalDigitNumber) return Number(i);
                    if (IsMarkCategory(cat)) return Lone(i, SkipMarks(i), TokenKind.Symbol);
                    return Emoji(i);
                }
                Emit(i, i + 1, TokenKind.Symbol, TokenFlags.None); // lone surrogate: keep it, never split it
                return i + 1;
            }
            switch (c)
            {
                case '“': case '„': case '‟': case '«':
                    return DoubleQuote(i, opening: true);
                case '”': case '»':
                    return DoubleQuote(i, opening: false);
                case '‘': case '‚': case '‛': case '‹':
                {
                    int e = SkipMarks(i + 1);
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.OpeningQuote);
                    if (_singleDepth < 16) _singleDepth++;
                    return e;
                }
                case '›':
                {
                    if (_singleDepth > 0) _singleDepth--;
                    int e = SkipMarks(i + 1);
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.ClosingQuote);
                    return e;
                }
                case '’':
                    return SingleQuote(i, straight: false);
                case '…':
                {
                    int e = i + 1;
                    while (e < s.Length && s[e] is '…' or '.' or '!' or '?') e++;
                    Emit(i, e, TokenKind.Punctuation, TokenFlags.None);
                    return e;
                }
            }
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            switch (category)
            {
                case UnicodeCategory.UppercaseLetter:
                case UnicodeCategory.LowercaseLetter:
                case UnicodeCategory.TitlecaseLetter:
                case UnicodeCategory.ModifierLetter:
                case UnicodeCategory.OtherLetter:
                    return Word(i);
                case UnicodeCategory.DecimalDigitNumber:
                    return Number(i);
                case UnicodeCategory.SpaceSeparator:
                case UnicodeCategory.LineSeparator:
                case UnicodeCategory.ParagraphSeparator:
                case UnicodeCategory.Control:
                case UnicodeCategory.Format:
                    if (IsNewline(c)) { _doubleDepth = 0; _singleDepth = 0; }
                    return i + 1;
                case UnicodeCategory.NonSpacingMark:
                case UnicodeCategory.SpacingCombiningMark:
                case UnicodeCategory.EnclosingMark:
                    return Lone(i, SkipMarks(i), TokenKind.Symbol);
                case UnicodeCategory.LetterNumber:
                case UnicodeCategory.OtherNumber:
                    return Lone(i, SkipMarks(i + 1), TokenKind.Number, TokenFlags.HasDigit);
                case UnicodeCategory.ConnectorPunctuation:
                case UnicodeCategory.DashPunctuation:
                case UnicodeCategory.OpenPunctuation:
                case UnicodeCategory.ClosePunctuation:
                case UnicodeCategory.InitialQuotePunctuation:
                case UnicodeCategory.FinalQuotePunctuation:
                case UnicodeCategory.OtherPunctuation:
                    return Lone(i, SkipMarks(i + 1), TokenKind.Punctuation);
                case UnicodeCategory.OtherSymbol:
                    return Emoji(i);
                default:
                    return Lone(i, SkipMarks(i + 1), TokenKind.Symbol);
            }
        }

        private int Lone(int start, int end, TokenKind kind, TokenFlags flags = TokenFlags.None)
        {
            if (end <= start) end = start + 1;
            Emit(start, end, kind, flags);
            return end;
        }

        /// <summary>
        /// One pictograph with what binds to it: variation selectors, skin-tone modifiers, tag characters, a
        /// keycap mark, ZWJ-joined pictographs, and a second regional indicator (a flag).
        /// </summary>
        private int Emoji(int i)
        {
            var s = _s;
            int n = s.Length;
            int first = CodePointAt(i, out int w);
            int e = i + w;
            bool regional = first is >= 0x1F1E6 and <= 0x1F1FF;
            while (e < n)
            {
                int cp = CodePointAt(e, out w);
                if (cp is 0xFE0E or 0xFE0F or 0x20E3 || cp is >= 0x1F3FB and <= 0x1F3FF || cp is >= 0xE0020 and <= 0xE007F)
                {
                    e += w;
                    continue;
                }
                if (regional && cp is >= 0x1F1E6 and <= 0x1F1FF)
                {
                    e += w;
                    regional = false;
                    continue;
                }
                if (cp == 0x200D && e + 1 < n)
                {
                    int next = CodePointAt(e + 1, out int w2);
                    if (next >= 0 && CharUnicodeInfo.GetUnicodeCategory(next) == UnicodeCategory.OtherSymbol)
                    {
                        e += 1 + w2;
                        continue;
                    }
                }
                break;
            }
            Emit(i, e, TokenKind.Symbol, TokenFlags.None);
            return e;
        }

        /// <summary>Code point at j and its width; a lone surrogate yields -1 with width 1.</summary>
        private int CodePointAt(int j, out int width)
        {
            char c = _s[j];
            if (!char.IsSurrogate(c)) { width = 1; return c; }
            if (char.IsHighSurrogate(c) && j + 1 < _s.Length && char.IsLowSurrogate(_s[j + 1]))
            {
                width = 2;
                return char.ConvertToUtf32(c, _s[j + 1]);
            }
            width = 1;
            return -1;
        }
    }
}
