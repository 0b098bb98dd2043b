package flinkconsole.demo;

import org.apache.flink.api.common.eventtime.WatermarkStrategy;
import org.apache.flink.api.common.functions.OpenContext;
import org.apache.flink.api.common.functions.RichMapFunction;
import org.apache.flink.api.common.state.ValueState;
import org.apache.flink.api.common.state.ValueStateDescriptor;
import org.apache.flink.api.common.typeinfo.Types;
import org.apache.flink.api.connector.source.util.ratelimit.RateLimiterStrategy;
import org.apache.flink.connector.datagen.source.DataGeneratorSource;
import org.apache.flink.connector.datagen.source.GeneratorFunction;
import org.apache.flink.streaming.api.environment.StreamExecutionEnvironment;
import org.apache.flink.streaming.api.functions.sink.v2.DiscardingSink;
import org.apache.flink.util.ParameterTool;

/**
 * A small streaming job for the console to look at: generated events, a keyed counter with
 * state (the vertex "Count per key", rescalable up to 8), and a discarding sink. Every operator
 * has an explicit uid so savepoints restore into a changed job.
 *
 * <p>Arguments: --name (the job name, free text), --rate (events per second),
 * --keys (distinct keys), --checkpoint-interval (ms).
 */
public class DemoJob {
    public static void main(String[] args) throws Exception {
        ParameterTool params = ParameterTool.fromArgs(args);
        String name = params.get("name", "Demo job");
        long rate = params.getLong("rate", 20);
        long keys = params.getLong("keys", 100);
        long checkpointInterval = params.getLong("checkpoint-interval", 2000);

        StreamExecutionEnvironment env = StreamExecutionEnvironment.getExecutionEnvironment();
        env.enableCheckpointing(checkpointInterval);

        GeneratorFunction<Long, Long> keyOf = i -> i % keys;
        DataGeneratorSource<Long> source = new DataGeneratorSource<>(
                keyOf, Long.MAX_VALUE, RateLimiterStrategy.perSecond(rate), Types.LONG);

        env.fromSource(source, WatermarkStrategy.noWatermarks(), "Events")
                .uid("events")
                .setParallelism(1)
                .keyBy(k -> k, Types.LONG)
                .map(new CountPerKey())
                .uid("count-per-key")
                .name("Count per key")
                .setMaxParallelism(8)
                .sinkTo(new DiscardingSink<>())
                .uid("discard")
                .name("Discard");

        env.execute(name);
    }

    /** Keeps a count per key in keyed state, so checkpoints and savepoints carry real state. */
    static class CountPerKey extends RichMapFunction<Long, String> {
        private transient ValueState<Long> count;

        @Override
        public void open(OpenContext context) {
            count = getRuntimeContext().getState(new ValueStateDescriptor<>("count", Types.LONG));
        }

        @Override
        public String map(Long key) throws Exception {
            Long current = count.value();
            long next = current == null ? 1 : current + 1;
            count.update(next);
            return key + "=" + next;
        }
    }
}
