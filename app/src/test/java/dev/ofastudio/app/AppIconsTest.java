package dev.ofastudio.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;

import java.awt.image.BufferedImage;
import java.io.InputStream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** Every icon size the windows ask for is on the class path at its stated size. */
class AppIconsTest {
    @Test
    void everySizeIsBundledAtItsSize() throws Exception {
        for (int size : AppIcons.SIZES) {
            try (InputStream in = AppIcons.class.getResourceAsStream(AppIcons.resource(size))) {
                assertNotNull(in, AppIcons.resource(size));
                BufferedImage img = ImageIO.read(in);
                assertEquals(size, img.getWidth(), AppIcons.resource(size));
                assertEquals(size, img.getHeight(), AppIcons.resource(size));
            }
        }
    }
}
