package com.forno.pizzeria.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.forno.pizzeria.deploy.ManifestRules.Rule;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Proof that each rule catches its mistake: every file in manifest-samples/ (Kubernetes' kinds) and in
 * operator-samples/ (the operators' custom resources, against their CRDs) is its folder's valid.yaml with one line
 * changed,
 * and says on its "# expect: rule: text" line which rule must report it. The sample must fail that rule with
 * that text, and pass every other (one mistake each, so each failure is the rule's own). For a schema mistake
 * the other rules still run, on the objects as Gson reads them without judging.
 */
class BrokenManifestSamplesTest {

    private static final Pattern EXPECT = Pattern.compile("(?m)^# expect: ([a-z-]+)(?:: (.+))?$");

    static Stream<Path> samples() throws IOException, URISyntaxException {
        List<Path> samples = new java.util.ArrayList<>();
        for (String name : List.of("/manifest-samples", "/operator-samples")) {
            Path folder = Path.of(BrokenManifestSamplesTest.class.getResource(name).toURI());
            try (Stream<Path> files = Files.list(folder)) {
                files.filter(file -> file.toString().endsWith(".yaml")).sorted().forEach(samples::add);
            }
        }
        return samples.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void failsExactlyTheRuleItBreaks(Path sample) {
        String text = Repository.read(sample).replace("@VERSION@", Repository.projectVersion());
        Matcher expect = EXPECT.matcher(text);
        assertThat(expect.find()).as("an '# expect: rule: text' line in " + sample.getFileName()).isTrue();
        String expectedRule = expect.group(1);

        Map<Rule, List<String>> violations = new ManifestRules(Manifests.parse(text, sample.getFileName().toString()), List.of()).all();

        for (Rule rule : Rule.values()) {
            if (rule.id().equals(expectedRule)) {
                assertThat(violations.get(rule)).as(rule.id()).isNotEmpty().anyMatch(line -> line.contains(expect.group(2)));
            } else {
                assertThat(violations.get(rule)).as(rule.id()).isEmpty();
            }
        }
        assertThat(expectedRule).isIn(Stream.concat(Stream.of("none"), Stream.of(Rule.values()).map(Rule::id)).toList());
    }
}
