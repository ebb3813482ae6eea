package dev.ebpfjvm.cli;

import dev.ebpfjvm.core.exec.Engine;
import dev.ebpfjvm.core.exec.Engines;
import java.util.Iterator;
import java.util.List;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;

/**
 * The {@code --engine NAME} option of the commands that run programs: an engine on the class path
 * ({@link Engines}), the JIT by default. An unknown name is a usage error that lists the engines.
 */
final class EngineOption {
    /** The default engine: the JIT, the product; the interpreter is the reference. */
    static final String DEFAULT = "jit";

    @Option(
            names = "--engine",
            paramLabel = "NAME",
            defaultValue = DEFAULT,
            converter = Converter.class,
            completionCandidates = Names.class,
            description = "the engine that runs the programs: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE})")
    private Engine engine;

    /** {@return the chosen engine} */
    Engine engine() {
        return engine;
    }

    /** Looks an engine up by name. */
    static final class Converter implements ITypeConverter<Engine> {
        @Override
        public Engine convert(String name) {
            for (Engine e : Engines.all()) {
                if (e.name().equals(name)) {
                    return e;
                }
            }
            throw new TypeConversionException(
                    "no engine named '" + name + "' (engines: " + String.join(", ", names()) + ")");
        }
    }

    /** The engine names, for the help text. */
    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return names().iterator();
        }
    }

    /** {@return the names of the engines on the class path, the default first} */
    static List<String> names() {
        List<String> names = new java.util.ArrayList<>(
                Engines.all().stream().map(Engine::name).sorted().toList());
        if (names.remove(DEFAULT)) {
            names.add(0, DEFAULT);
        }
        return names;
    }
}
