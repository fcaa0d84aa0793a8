package dev.ofastudio.engine.space;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.ofastudio.engine.OfaException;
import dev.ofastudio.engine.arch.Layer;
import dev.ofastudio.engine.arch.NetworkDescription;
import dev.ofastudio.engine.io.Json;
import dev.ofastudio.engine.space.mbv3.ActivationTable;
import dev.ofastudio.engine.space.mbv3.Mbv3Space;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SearchSpacesTest {
    @Test
    void referenceIdsStayAsTheyWere() {
        assertEquals("ofa_mbv3_w1.2", SearchSpace.mobileNetV3(1.2).id());
        assertEquals("ofa_mbv3_w1.0", SearchSpace.mobileNetV3(1.0).withNumClasses(10).id());
        assertTrue(SearchSpace.mobileNetV3(1.0).isReferenceStyle());
    }

    @Test
    void everyParameterRoundTripsThroughJson() throws Exception {
        Mbv3Space s = SearchSpace.mobileNetV3(1.0).withNumClasses(10).withInputChannels(1)
                .withResolutions(List.of(24, 28, 32)).withChoices(List.of(3, 5), List.of(3, 6), List.of(2, 4))
                .withBlockStyle(false, ActivationTable.RELU, 16);
        ObjectNode json = SearchSpaces.toJson(s);
        assertEquals("ofa_mbv3", json.get("kind").asText());
        assertEquals(s.id(), json.get("id").asText());
        SearchSpace back = SearchSpaces.fromJson(Json.parse(json.toString(), "t"), "t");
        assertEquals(s, back);
        assertNotEquals(SearchSpace.mobileNetV3(1.0).id(), s.id());
    }

    @Test
    void unknownKindAndBadFieldsAreNamed() {
        OfaException e = assertThrows(OfaException.class,
                () -> SearchSpaces.fromJson(Json.parse("{\"kind\":\"resnet\"}", "f.json"), "f.json"));
        assertTrue(e.getMessage().startsWith("f.json: field space.kind: expected one of [ofa_mbv3]"), e.getMessage());
        e = assertThrows(OfaException.class,
                () -> SearchSpaces.fromJson(Json.parse("{\"input_channels\":4}", "f.json"), "f.json"));
        assertTrue(e.getMessage().contains("inputChannels must be 1 or 3"), e.getMessage());
    }

    @Test
    void dpuFriendlyStyleHasNoSeNoHardActivationsAndSixteenMultiples() {
        Mbv3Space s = SearchSpace.mobileNetV3(1.0).withBlockStyle(false, ActivationTable.RELU, 16);
        NetworkDescription net = s.describe(s.maxConfig(224));
        for (Layer l : net.layers()) {
            assertFalse(l.se(), l.name());
            assertFalse(l.activation().isHard(), l.name());
        }
        for (int st = 0; st < 5; st++) {
            assertEquals(0, s.stageWidth(st) % 16, "stage " + st);
        }
    }

    @Test
    void oneChannelInputChangesOnlyTheStem() {
        Mbv3Space rgb = SearchSpace.mobileNetV3(1.0).withNumClasses(10);
        Mbv3Space grey = rgb.withInputChannels(1);
        SubnetConfig c = rgb.maxConfig(32);
        long diff = rgb.describe(c).params() - grey.describe(c).params();
        assertEquals(2L * 3 * 3 * rgb.firstConvWidth(), diff); // two input channels fewer in the 3×3 stem
    }

    @Test
    void samplesStayInTheSpaceAndGenomesRoundTrip() throws Exception {
        Mbv3Space s = SearchSpace.mobileNetV3(1.2).withChoices(List.of(3, 7), List.of(4, 6), List.of(3, 4));
        Random rng = new Random(3);
        for (int i = 0; i < 200; i++) {
            SubnetConfig c = s.sample(rng);
            s.validate(c);
            assertEquals(c, s.decodeGenome(s.encodeGenome(c)));
        }
    }
}
