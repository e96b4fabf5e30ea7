// Runs HeidelTime (Arabic, no POS tagger) over many documents in ONE JVM, so the
// benchmark can show HeidelTime's cost without a JVM start per report.
// Single-file program: java -cp <heideltime jar> HeidelTimeBatch.java CONFIG IN DCT OUT [IN DCT OUT ...]
// DCT is YYYY-MM-DD (news mode) or "-" (no publication date: narratives mode, which
// resolves relative expressions against the text's own dates instead of today's).
import de.unihd.dbs.heideltime.standalone.DocumentType;
import de.unihd.dbs.heideltime.standalone.HeidelTimeStandalone;
import de.unihd.dbs.heideltime.standalone.OutputType;
import de.unihd.dbs.heideltime.standalone.POSTagger;
import de.unihd.dbs.uima.annotator.heideltime.resources.Language;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.SimpleDateFormat;
import java.util.Date;

public class HeidelTimeBatch {
    public static void main(String[] args) throws Exception {
        String config = args[0];
        HeidelTimeStandalone news = new HeidelTimeStandalone(
            Language.ARABIC, DocumentType.NEWS, OutputType.TIMEML, config, POSTagger.NO);
        HeidelTimeStandalone narratives = new HeidelTimeStandalone(
            Language.ARABIC, DocumentType.NARRATIVES, OutputType.TIMEML, config, POSTagger.NO);
        SimpleDateFormat iso = new SimpleDateFormat("yyyy-MM-dd");
        for (int i = 1; i + 2 < args.length; i += 3) {
            String text = Files.readString(Path.of(args[i]), StandardCharsets.UTF_8);
            String timeml = args[i + 1].equals("-")
                ? narratives.process(text)
                : news.process(text, iso.parse(args[i + 1]));
            Files.writeString(Path.of(args[i + 2]), timeml, StandardCharsets.UTF_8);
        }
    }
}
