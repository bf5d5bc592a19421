package io.hyclus.streaming.service;

import io.hyclus.streaming.StreamingException;
import org.apache.kafka.streams.errors.StreamsException;
import org.junit.jupiter.api.Test;

import java.io.IOException;

import static org.junit.jupiter.api.Assertions.assertEquals;

class SegmentationFailureReasonTest {
    @Test
    void reason_isTheSegmentationsOwnMessage_notKafkaStreamsWrapper() {
        StreamingException own = new StreamingException("cannot write container of sample A-1 (scan s) to /x/A-1.h5: "
                + "No space left on device", new IOException("No space left on device"));
        StreamsException wrapped = new StreamsException("Exception caught in process. taskId=0_0, processor=segment",
                new StreamsException(own));
        assertEquals(own.getMessage(), SegmentationService.reason(wrapped));
    }

    @Test
    void reason_ofAnUnexplainedFailure_isItsOwnMessage() {
        assertEquals("boom", SegmentationService.reason(new StreamsException("boom", new IllegalStateException("x"))));
    }
}
