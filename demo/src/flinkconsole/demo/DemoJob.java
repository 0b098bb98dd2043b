package flinkconsole.demo;

import java.util.HashMap;
import java.util.Map;

import org.apache.flink.api.common.accumulators.LongCounter;
import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.sink2.Sink;
import org.apache.flink.api.connector.sink2.SinkWriter;
import org.apache.flink.api.connector.source.SourceReader;
import org.apache.flink.api.connector.source.SourceReaderContext;
import org.apache.flink.api.connector.source.lib.NumberSequenceSource;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimitedSourceReader;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;

/**
 * A small streaming job for the console to look at: generated events, a keyed counter with
 * state (the vertex "Count per key", rescalable up to 8), and a discarding sink. Every operator
 * has an explicit uid so savepoints restore into a changed job.
 *
 * <p>One source for every supported Flink line (1.18 to 2.3): it uses only APIs that all of
 * them have. So no ParameterTool (it moved in 2.0), no DataGeneratorSource (not in 1.18's
 * flink-dist), no sink.v2.DiscardingSink (not in 1.18), no override of open() (its signature
 * changed between 1.18 and 2.0), and the sink is a lambda, since Sink's one abstract method
 * takes a different context type before and after 2.0.
 *
 * <p>Arguments: --name (the job name, free text), --rate (events per second),
 * --keys (distinct keys), --checkpoint-interval (ms), --fail-every (seconds; 0, the default,
 * never): each counting task throws that long after it started, so the job fails and restarts
 * (with checkpointing on, every line's default restart strategy retries without end) and
 * the console's exception views have a real history to show.
 */
public class DemoJob {
    @SuppressWarnings("deprecation") // 1.19 and 1.20: the lambda implements createWriter(Sink.InitContext)
    public static void main(String[] args) throws Exception {
        Map<String, String> params = parse(args);
        String name = params.getOrDefault("name", "Demo job");
        double rate = Double.parseDouble(params.getOrDefault("rate", "20"));
        long keys = Long.parseLong(params.getOrDefault("keys", "100"));
        long checkpointInterval = Long.parseLong(params.getOrDefault("checkpoint-interval", "2000"));
        long failEvery = Long.parseLong(params.getOrDefault("fail-every", "0"));

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(checkpointInterval);

        Sink<String> discard = context -> new DiscardWriter();

        // Event time is the time of reading, so the vertices after the source have watermarks
        // that follow the clock (the console's watermark views show them).
        WatermarkStrategy<Long> watermarks =
                WatermarkStrategy.<Long>forMonotonousTimestamps().withTimestampAssigner((event, previous) -> System.currentTimeMillis());

        env.fromSource(new Events(rate), watermarks, "Events")
                .uid("events")
                .setParallelism(1)
                .keyBy(i -> i % keys, Types.LONG)
                .map(new CountPerKey(keys, failEvery * 1000))
                .uid("count-per-key")
                .name("Count per key")
                .setMaxParallelism(8)
                .sinkTo(discard)
                .uid("discard")
                .name("Discard");

        env.execute(name);
    }

    /** --key value pairs; a key without a value (or followed by another key) is "true". */
    static Map<String, String> parse(String[] args) {
        Map<String, String> params = new HashMap<>();
        for (int i = 0; i < args.length; i++) {
            if (!args[i].startsWith("--")) {
                throw new IllegalArgumentException("expected --key value, got '" + args[i] + "'");
            }
            boolean hasValue = i + 1 < args.length && !args[i + 1].startsWith("--");
            params.put(args[i].substring(2), hasValue ? args[++i] : "true");
        }
        return params;
    }

    /** 0, 1, 2, … (practically unbounded), at most `rate` per second over all readers. */
    static class Events extends NumberSequenceSource {
        private final double rate;

        Events(double rate) {
            super(0, Long.MAX_VALUE - 1);
            this.rate = rate;
        }

        @Override
        @SuppressWarnings({"unchecked", "rawtypes"}) // RateLimiter takes a split type from 2.2 on
        public SourceReader<Long, NumberSequenceSplit> createReader(SourceReaderContext context) {
            return new RateLimitedSourceReader(super.createReader(context),
                    RateLimiterStrategy.perSecond(rate).createRateLimiter(context.currentParallelism()));
        }
    }

    /**
     * Keeps a count per key in keyed state, so checkpoints and savepoints carry real state, and
     * counts what it saw in a user accumulator ("records counted"), for the console's accumulator views.
     */
    static class CountPerKey extends RichMapFunction<Long, String> {
        private final long keys;
        private final long failAfterMs;
        private transient ValueState<Long> count;
        private transient LongCounter counted;
        private transient long started;

        CountPerKey(long keys, long failAfterMs) {
            this.keys = keys;
            this.failAfterMs = failAfterMs;
        }

        @Override
        public String map(Long event) throws Exception {
            if (count == null) { // not in open(): its signature differs between the lines
                count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
                counted = getRuntimeContext().getLongCounter("records counted");
                started = System.currentTimeMillis();
            }
            if (failAfterMs > 0 && System.currentTimeMillis() - started > failAfterMs) {
                throw new IllegalStateException("Demo failure: this task gives up " + failAfterMs / 1000
                        + " s after it started, on purpose (--fail-every); Flink restarts it from the last checkpoint");
            }
            counted.add(1L);
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            return event % keys + "=" + next;
        }
    }

    /** Drops everything it is given. */
    static class DiscardWriter implements SinkWriter<String> {
        @Override
        public void write(String element, Context context) {}

        @Override
        public void flush(boolean endOfInput) {}

        @Override
        public void close() {}
    }
}
