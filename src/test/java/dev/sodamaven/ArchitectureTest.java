package dev.sodamaven;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.dependencies.SliceAssignment;
import com.tngtech.archunit.library.dependencies.SliceIdentifier;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The layout of DESIGN.md and ARCHITECTURE.md as rules over the main classes: which package may use
 * which, no cycles, Maven only at the edge, a kernel that depends on nothing of ours.
 */
class ArchitectureTest {

    private static final String ROOT = "dev.sodamaven";
    /** The JDK and the libraries every package may use. */
    private static final String[] EVERYONE = {"java..", "javax.annotation.."};

    private static JavaClasses main;

    @BeforeAll
    static void importMainClasses() {
        main = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(ROOT);
    }

    /** Each package and what it may use besides the JDK: the table of DESIGN.md. */
    @ParameterizedTest(name = "{0} uses only {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "core     |",
                "config   | core org.yaml.snakeyaml..",
                "dbt      | core com.fasterxml.jackson.core..",
                "http     | core org.apache.hc.. javax.net.ssl..",
                "dbtcloud | http dbt core com.fasterxml.jackson..",
                "soda     | http dbt core com.fasterxml.jackson.core..",
                "report   | soda dbt core javax.xml.stream..",
            })
    void eachPackageUsesOnlyWhatTheDesignAllows(String layer, String allowed) {
        classes()
                .that()
                .resideInAPackage(ROOT + "." + layer + "..")
                .should()
                .onlyDependOnClassesThat()
                .resideInAnyPackage(packages(layer, allowed))
                .check(main);
    }

    @Test
    void theUseCasesUseEverythingButTheMavenFrontEnd() {
        classes()
                .that()
                .resideInAPackage(ROOT)
                .should()
                .onlyDependOnClassesThat()
                .resideOutsideOfPackage(ROOT + ".maven..")
                .check(main);
    }

    @Test
    void onlyTheMavenFrontEndUsesMaven() {
        noClasses()
                .that()
                .resideOutsideOfPackage(ROOT + ".maven..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("org.apache.maven..", "org.codehaus.plexus..")
                .check(main);
    }

    @Test
    void theMavenFrontEndNeverSeesJsonOrHttp() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".maven..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(
                        "com.fasterxml.jackson..",
                        "org.apache.hc..",
                        ROOT + ".http..",
                        ROOT + ".dbt..",
                        ROOT + ".soda..",
                        ROOT + ".dbtcloud..",
                        ROOT + ".report..")
                .check(main);
    }

    @Test
    void readersNeverSeeHttp() {
        noClasses()
                .that()
                .resideInAPackage(ROOT + ".dbt..")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage(ROOT + ".http..", "org.apache.hc..")
                .check(main);
    }

    @Test
    void clientsNeverSeeDbtTypes() {
        ArchRule rule = noClasses()
                .that()
                .haveSimpleNameEndingWith("Client")
                .should()
                .dependOnClassesThat()
                .resideInAPackage(ROOT + ".dbt..");
        rule.check(main);
    }

    @Test
    void noPackageCycles() {
        slices().assignedFrom(new SliceAssignment() {
                    @Override
                    public SliceIdentifier getIdentifierOf(JavaClass javaClass) {
                        String name = javaClass.getPackageName();
                        if (!name.startsWith(ROOT)) {
                            return SliceIdentifier.ignore();
                        }
                        String rest = name.substring(ROOT.length());
                        return SliceIdentifier.of(
                                rest.isEmpty() ? "(root)" : rest.substring(1).split("\\.")[0]);
                    }

                    @Override
                    public String getDescription() {
                        return "the packages of " + ROOT;
                    }
                })
                .should()
                .beFreeOfCycles()
                .check(main);
    }

    private static String[] packages(String layer, String allowed) {
        List<String> packages = new ArrayList<>(List.of(EVERYONE));
        packages.add(ROOT + "." + layer + "..");
        if (allowed != null) {
            for (String name : allowed.trim().split("\\s+")) {
                packages.add(name.contains(".") ? name : ROOT + "." + name + "..");
            }
        }
        return packages.toArray(String[]::new);
    }
}
