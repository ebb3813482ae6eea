package dev.ebpfjvm.jit.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.ebpfjvm.core.testing.TestPaths;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.tools.FileObject;
import javax.tools.ForwardingJavaFileManager;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileManager;
import javax.tools.JavaFileObject;
import javax.tools.SimpleJavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;

/** The README's library example, taken from the README as it is, compiled and run with the JIT on the class path. */
class ReadmeExampleTest {
    private static final String BEGIN = "<!-- BEGIN example -->\n```java\n";
    private static final String END = "```\n<!-- END example -->";

    @Test
    void theExampleCompilesRunsAndPrintsWhatTheReadmeSays() throws Exception {
        String readme = Files.readString(TestPaths.testdata().resolveSibling("README.md"));
        int from = readme.indexOf(BEGIN);
        int to = readme.indexOf(END);
        assertTrue(from >= 0 && to > from, "README.md has the example between its markers");
        String source = readme.substring(from + BEGIN.length(), to);

        Class<?> example = compile("Example", source);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try {
            example.getMethod("main", String[].class).invoke(null, (Object) new String[] {
                TestPaths.testdata().resolve("eth_proto_count.o").toString()
            });
        } finally {
            System.setOut(stdout);
        }
        String printed = out.toString(StandardCharsets.UTF_8).trim();
        assertEquals("verdict -1, mark 0x806, ARP frames counted 1", printed);
        assertTrue(readme.contains("It prints `" + printed + "`"), "the README quotes the output");
    }

    /** Compiles one source file in memory against the test class path and loads it. */
    private static Class<?> compile(String name, String source) throws ClassNotFoundException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        Map<String, byte[]> classes = new ConcurrentHashMap<>();
        StandardJavaFileManager standard = javac.getStandardFileManager(null, null, StandardCharsets.UTF_8);
        JavaFileManager files = new ForwardingJavaFileManager<>(standard) {
            @Override
            public JavaFileObject getJavaFileForOutput(
                    Location location, String className, JavaFileObject.Kind kind, FileObject sibling) {
                return new SimpleJavaFileObject(URI.create("mem:///" + className + ".class"), kind) {
                    @Override
                    public java.io.OutputStream openOutputStream() {
                        return new ByteArrayOutputStream() {
                            @Override
                            public void close() {
                                classes.put(className, toByteArray());
                            }
                        };
                    }
                };
            }
        };
        JavaFileObject unit =
                new SimpleJavaFileObject(URI.create("string:///" + name + ".java"), JavaFileObject.Kind.SOURCE) {
                    @Override
                    public CharSequence getCharContent(boolean ignoreEncodingErrors) {
                        return source;
                    }
                };
        String classPath = System.getProperty("java.class.path");
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        boolean ok = javac.getTask(
                        new java.io.PrintWriter(diagnostics, true),
                        files,
                        null,
                        List.of("-classpath", classPath, "-Xlint:none"),
                        null,
                        List.of(unit))
                .call();
        assertTrue(ok, "the example compiles: " + diagnostics);
        ClassLoader loader = new ClassLoader(ReadmeExampleTest.class.getClassLoader()) {
            @Override
            protected Class<?> findClass(String className) throws ClassNotFoundException {
                byte[] bytes = classes.get(className);
                if (bytes == null) {
                    throw new ClassNotFoundException(className);
                }
                return defineClass(className, bytes, 0, bytes.length);
            }
        };
        return loader.loadClass(name);
    }
}
