package io.flowhound.adapters.gcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The byte scan must never accept what Jackson refuses, and must end where Jackson ends: checked
 * on hand-picked cases and on many random corruptions of a real block.
 */
class JsonObjectSkipperTest {

    private static final JsonFactory JSON = new JsonFactory();
    private static final String BLOCK = "{\"cluster\":{\"cluster_location\":\"us-central1\",\"cluster_name\":\"prod\"},"
            + "\"pod\":{\"pod_name\":\"web-7d4\",\"pod_namespace\":\"default\"},\"asn\":64502,\"n\":-0,\"ok\":true,"
            + "\"no\":false,\"x\":null,\"service\":[{\"service_name\":\"web\"},[],[1, 2 ,\"a\"],{}] , \"e\" : { } }";

    @ParameterizedTest
    @ValueSource(strings = {"{}", "{ }", BLOCK, "{\"a\":[[[]]]}", "{\"a\":\"\"}"})
    void findsTheClosingBraceOfPlainObjects(String object) throws IOException {
        byte[] bytes = (object + ",\"after\":1}").getBytes(StandardCharsets.UTF_8);

        assertEquals(object.length() - 1, JsonObjectSkipper.closingBrace(bytes, 0, bytes.length));
        assertEquals(object.length() - 1, jacksonClosingBrace(bytes));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{\"a\":1.5}", "{\"a\":1e3}", "{\"a\":01}", "{\"a\":\"\\n\"}", "{\"a\":\"S\u00e3o\"}",
            "{\"a\":\"x\ty\"}", "{\"a\":tru}", "{\"a\":truex}", "{\"a\":1,}", "{\"a\" 1}", "{a:1}", "{\"a\":[1}",
            "{\"a\":{\"b\":1]}", "{\"a\":\n1}", "{\"a\":\t1}", "{\"a\":-}", "{\"a\":1", "{\"a\":\"1"})
    void leavesAnythingElseToJackson(String object) {
        byte[] bytes = object.getBytes(StandardCharsets.UTF_8);

        assertEquals(-1, JsonObjectSkipper.closingBrace(bytes, 0, bytes.length));
    }

    /** Fails after a Jackson upgrade that renames its read position: parsing stays right, but slower. */
    @Test
    void reachesJacksonsReadPositionSoBlocksAreSkippedFast() {
        assertTrue(JsonObjectSkipper.canJumpAhead(), "ParserBase._inputPtr is not reachable in this Jackson");
    }

    @Test
    void neverAcceptsWhatJacksonRefusesNorEndsElsewhere() throws IOException {
        byte[] original = (BLOCK + "}").getBytes(StandardCharsets.UTF_8);
        byte[] alphabet = "{}[]\":, 0-1.etrufalsn\\\tx\u00ff".getBytes(StandardCharsets.ISO_8859_1);
        Random random = new Random(42);
        int accepted = 0;
        for (int round = 0; round < 200_000; round++) {
            byte[] bytes = original.clone();
            for (int edits = 1 + random.nextInt(3); edits > 0; edits--) {
                bytes[random.nextInt(bytes.length)] = alphabet[random.nextInt(alphabet.length)];
            }
            if (bytes[0] != '{') {
                continue;
            }
            int close = JsonObjectSkipper.closingBrace(bytes, 0, bytes.length);
            if (close >= 0) {
                accepted++;
                assertEquals(jacksonClosingBrace(bytes), close, () -> new String(bytes, StandardCharsets.ISO_8859_1));
            }
        }
        assertTrue(accepted > 1000, "too few corruptions were still plain JSON: " + accepted);
    }

    @Test
    void leavesTheParserOnTheEndObjectAsSkipChildrenDoes() throws IOException {
        byte[] bytes = ("{\"a\":" + BLOCK + ",\"b\":7}").getBytes(StandardCharsets.UTF_8);
        try (JsonParser json = JSON.createParser(bytes, 0, bytes.length)) {
            json.nextToken();
            assertEquals("a", json.nextFieldName());
            assertEquals(JsonToken.START_OBJECT, json.nextToken());

            JsonObjectSkipper.skip(json, bytes, 5, bytes.length);

            assertEquals(JsonToken.END_OBJECT, json.currentToken());
            assertEquals(5 + BLOCK.length(), json.currentLocation().getByteOffset());
            assertEquals("b", json.nextFieldName());
            assertEquals(7, json.nextIntValue(0));
            assertEquals(JsonToken.END_OBJECT, json.nextToken());
        }
    }

    /** Where Jackson's skipChildren ends the object at offset 0, or -2 if Jackson refuses it. */
    private static int jacksonClosingBrace(byte[] bytes) throws IOException {
        try (JsonParser json = JSON.createParser(bytes, 0, bytes.length)) {
            json.nextToken();
            json.skipChildren();
            return (int) json.currentLocation().getByteOffset() - 1;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return -2;
        }
    }
}
