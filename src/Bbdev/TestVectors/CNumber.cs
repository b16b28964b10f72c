namespace AccelSdk.Bbdev.TestVectors;

/// <summary>
/// C's <c>strtoul(text, &amp;end, 0)</c> as glibc implements it, because that is how DPDK reads every number of a
/// vector file: leading white space, an optional sign, then <c>0x</c>/<c>0X</c> hexadecimal, a leading <c>0</c>
/// octal, or decimal. A minus sign negates modulo 2^64; overflow saturates.
/// </summary>
internal static class CNumber
{
    /// <summary>C's <c>isspace</c> in the "C" locale.</summary>
    public static bool IsSpace(char c) => c is ' ' or '\t' or '\n' or '\v' or '\f' or '\r';

    /// <summary>Trims C white space (what DPDK's <c>trim_space</c> removes) from both ends.</summary>
    public static ReadOnlySpan<char> Trim(ReadOnlySpan<char> text)
    {
        int start = 0;
        while (start < text.Length && IsSpace(text[start]))
        {
            start++;
        }

        int end = text.Length;
        while (end > start && IsSpace(text[end - 1]))
        {
            end--;
        }

        return text[start..end];
    }

    /// <summary>Parses like <c>strtoul(text, &amp;end, 0)</c>.</summary>
    /// <param name="text">The characters to parse.</param>
    /// <param name="magnitude">The digits' value (before the sign), saturated at <see cref="ulong.MaxValue"/>.</param>
    /// <param name="negative">Whether a minus sign preceded the digits.</param>
    /// <param name="overflow">Whether the digits exceed 64 bits (strtoul's <c>ERANGE</c>).</param>
    /// <returns>
    /// How many characters were consumed (<c>end − text</c>); 0 when there are no digits, in which case C leaves
    /// <c>end</c> at the start of the text.
    /// </returns>
    public static int Parse(ReadOnlySpan<char> text, out ulong magnitude, out bool negative, out bool overflow)
    {
        magnitude = 0;
        negative = false;
        overflow = false;
        int i = 0;
        while (i < text.Length && IsSpace(text[i]))
        {
            i++;
        }

        if (i < text.Length && (text[i] == '+' || text[i] == '-'))
        {
            negative = text[i] == '-';
            i++;
        }

        uint radix = 10;
        if (i < text.Length && text[i] == '0')
        {
            // "0x" is a prefix only when a hex digit follows; otherwise the "0" is an (octal) number by itself and
            // parsing stops at the 'x'.
            if (i + 2 < text.Length && (text[i + 1] == 'x' || text[i + 1] == 'X') && DigitValue(text[i + 2]) < 16)
            {
                radix = 16;
                i += 2;
            }
            else
            {
                radix = 8;
            }
        }

        int digitsStart = i;
        while (i < text.Length)
        {
            uint digit = DigitValue(text[i]);
            if (digit >= radix)
            {
                break;
            }

            if (!overflow)
            {
                if (magnitude > (ulong.MaxValue - digit) / radix)
                {
                    overflow = true;
                    magnitude = ulong.MaxValue;
                }
                else
                {
                    magnitude = (magnitude * radix) + digit;
                }
            }

            i++;
        }

        if (i == digitsStart)
        {
            negative = false;
            return 0;
        }

        return i;
    }

    private static uint DigitValue(char c) => c switch
    {
        >= '0' and <= '9' => (uint)(c - '0'),
        >= 'a' and <= 'f' => (uint)(c - 'a' + 10),
        >= 'A' and <= 'F' => (uint)(c - 'A' + 10),
        _ => uint.MaxValue,
    };
}
