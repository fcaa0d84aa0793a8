package dev.ofastudio.engine.space;

/** OFA's channel rounding rules; every width in the space derives from these. */
public final class Channels {
    /** {@code MyNetwork.CHANNEL_DIVISIBLE} in the reference. */
    public static final int DIVISOR = 8;

    private Channels() {
    }

    /**
     * Rounds {@code v} to the nearest multiple of {@code divisor} (at least {@code divisor}); if
     * that loses more than 10 % of {@code v}, one more {@code divisor} is added. Exactly the
     * reference's {@code make_divisible(v, 8)}, which truncates {@code v + divisor/2} first.
     */
    public static int makeDivisible(double v, int divisor) {
        int rounded = Math.max(divisor, (int) (v + divisor / 2.0) / divisor * divisor);
        if (rounded < 0.9 * v) {
            rounded += divisor;
        }
        return rounded;
    }

    public static int makeDivisible(double v) {
        return makeDivisible(v, DIVISOR);
    }

    /** Mid (expanded) width of an MBConv block: {@code make_divisible(round(in * expand), 8)}. */
    public static int midChannels(int inChannels, double expandRatio) {
        return makeDivisible(Math.round(inChannels * expandRatio));
    }

    /** Width of the SE bottleneck for {@code channels} inputs: {@code make_divisible(C // 4, 8)}. */
    public static int seChannels(int channels) {
        return makeDivisible(channels / 4);
    }
}
