package dev.ofastudio.engine.io.pth;

/** IEEE-754 binary16 to and from float (Java 17 has no Float.float16ToFloat / floatToFloat16). */
public final class HalfFloats {
    private HalfFloats() {
    }

    public static float halfToFloat(short h) {
        int bits = h & 0xffff;
        int sign = (bits & 0x8000) << 16;
        int exp = (bits >>> 10) & 0x1f;
        int mant = bits & 0x3ff;
        if (exp == 0x1f) {
            return Float.intBitsToFloat(sign | 0x7f800000 | (mant << 13));
        }
        if (exp == 0) {
            // subnormal or zero: mant * 2^-24, exact in float
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    /** The nearest binary16 (ties to even), as PyTorch's {@code .half()}; overflow gives infinity. */
    public static short floatToHalf(float f) {
        int bits = Float.floatToRawIntBits(f);
        int sign = (bits >>> 16) & 0x8000;
        int exp = (bits >>> 23) & 0xff;
        int mant = bits & 0x7fffff;
        if (exp == 0xff) {
            return (short) (sign | 0x7c00 | (mant != 0 ? 0x200 | (mant >>> 13) : 0));
        }
        int e = exp - 127 + 15;
        if (e >= 0x1f) {
            return (short) (sign | 0x7c00);
        }
        if (e <= 0) {
            if (e < -10) {
                return (short) sign;
            }
            // A half subnormal m · 2^-24: shift the float's significand (with its leading 1) down.
            int full = mant | 0x800000;
            int shift = 14 - e;
            return (short) (sign | roundShift(full, shift));
        }
        // A carry out of the mantissa rounds up into the exponent, which is the right answer.
        return (short) (sign | ((e << 10) + roundShift(mant, 13)));
    }

    /** {@code value >>> shift}, rounded to nearest, ties to even. */
    private static int roundShift(int value, int shift) {
        int q = value >>> shift;
        int rem = value & ((1 << shift) - 1);
        int mid = 1 << (shift - 1);
        return rem > mid || (rem == mid && (q & 1) != 0) ? q + 1 : q;
    }
}
