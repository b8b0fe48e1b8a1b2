package io.fairshare.settlement.domain.statement;

import io.fairshare.contracts.canonical.CanonicalJson;

import io.fairshare.settlement.domain.period.Period;
import io.fairshare.settlement.domain.tariff.TariffApplication;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;

/**
 * The canonical serialisation of issued statements: the bytes that are hashed (SHA-256) and stored,
 * and the JSON export. RFC 8785 (JCS) JSON ({@link CanonicalJson}: members sorted by name), lines in statement order (the calculator's sort order),
 * decimals as plain strings, enums by wire name, no time stamps (the time of issue is stored beside
 * the statement, not in it), so that re-running a close yields the same bytes.
 */
public final class CanonicalForm {
    public static final String SOCIETY_SCHEMA = "fairshare.settlement.society-statement.v1";
    public static final String PLATFORM_SCHEMA = "fairshare.settlement.platform-statement.v1";
    /** How lines are rounded, named in every statement. */
    public static final String LINE_ROUNDING = "largest-remainder";

    private CanonicalForm() {
    }

    public static byte[] of(SocietyStatement s) {
        CanonicalJson j = header(SOCIETY_SCHEMA, s);
        j.name("payee").beginObject().field("kind", s.payee().kind().name()).field("id", s.payee().id()).endObject();
        SocietyStatement.Totals t = s.totals();
        j.name("totals").beginObject()
                .moneyField("lines", t.lines())
                .moneyField("unlicensed", t.unlicensed())
                .moneyField("adjustments", t.adjustments())
                .moneyField("violations", t.violations())
                .moneyField("total", t.total())
                .moneyField("held", t.held())
                .endObject();
        j.name("byPlatform").beginArray();
        for (PlatformAmount p : s.byPlatform()) {
            j.beginObject().field("platformId", p.platformId()).moneyField("amount", p.amount()).endObject();
        }
        j.endArray();
        applications(j, s.tariffApplications());
        lines(j, "lines", s.lines());
        lines(j, "adjustments", s.adjustments());
        lines(j, "violations", s.violations());
        lines(j, "held", s.held());
        return j.endObject().toBytes();
    }

    public static byte[] of(PlatformStatement s) {
        CanonicalJson j = header(PLATFORM_SCHEMA, s);
        j.field("platformId", s.platformId());
        PlatformStatement.Totals t = s.totals();
        j.name("totals").beginObject()
                .moneyField("owed", t.owed())
                .moneyField("unclaimedHeld", t.unclaimedHeld())
                .moneyField("disputedHeld", t.disputedHeld())
                .moneyField("total", t.total())
                .moneyField("unlicensed", t.unlicensed())
                .moneyField("violations", t.violations())
                .endObject();
        j.name("owed").beginArray();
        for (PayeeAmount p : s.owed()) {
            j.beginObject()
                    .name("payee").beginObject().field("kind", p.payee().kind().name()).field("id", p.payee().id()).endObject()
                    .moneyField("lines", p.lines())
                    .moneyField("adjustments", p.adjustments())
                    .moneyField("violations", p.violations())
                    .moneyField("total", p.total())
                    .endObject();
        }
        j.endArray();
        applications(j, s.tariffApplications());
        lines(j, "unclaimed", s.unclaimed());
        lines(j, "disputed", s.disputed());
        if (!s.byModel().isEmpty()) {
            // an additive member: statements issued without model figures keep their bytes
            j.name("byModel").beginArray();
            for (ModelAmount m : s.byModel()) {
                j.beginObject()
                        .field("modelId", m.modelId())
                        .field("modelVersion", m.modelVersion())
                        .field("events", m.events())
                        .field("units", m.units())
                        .moneyField("amount", m.amount())
                        .endObject();
            }
            j.endArray();
        }
        return j.endObject().toBytes();
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    public static String asString(byte[] canonical) {
        return new String(canonical, StandardCharsets.UTF_8);
    }

    /**
     * What every statement starts with: schema, id, period, currency and rounding (the members are
     * sorted when written, so the order here is only the reader's).
     */
    private static CanonicalJson header(String schema, IssuedStatement s) {
        Period p = s.period();
        CanonicalJson j = new CanonicalJson().beginObject()
                .field("schema", schema)
                .field("statementId", s.statementId());
        j.name("period").beginObject()
                .field("id", p.id())
                .field("zone", p.zone().getId())
                .field("firstDay", p.firstDay().toString())
                .field("lastDay", p.lastDay().toString())
                .endObject();
        j.field("currency", s.currency().code());
        j.name("rounding").beginObject().field("lines", LINE_ROUNDING).field("groupTotal", s.totalRounding().name()).endObject();
        return j;
    }

    private static void applications(CanonicalJson j, List<TariffApplication> apps) {
        j.name("tariffApplications").beginArray();
        for (TariffApplication a : apps) {
            j.beginObject()
                    .field("platformId", a.platformId())
                    .field("tariffId", a.tariffId())
                    .field("statutory", a.statutory())
                    .field("lines", a.lines())
                    .field("distinctWorks", a.distinctWorks())
                    .decimalField("attributedUnits", a.attributedUnits())
                    .decimalField("revenueDeclared", a.revenueDeclared())
                    .decimalField("revenuePool", a.revenuePool())
                    .decimalField("trainingFee", a.trainingFee())
                    .decimalField("minimumFee", a.minimumFee())
                    .field("minimumFeeApplied", a.minimumFeeApplied())
                    .endObject();
        }
        j.endArray();
    }

    private static void lines(CanonicalJson j, String name, List<StatementLine> lines) {
        j.name(name).beginArray();
        for (StatementLine l : lines) {
            j.beginObject()
                    .field("platformId", l.platformId())
                    .field("societyId", l.societyId())
                    .field("partyId", l.partyId())
                    .field("workId", l.workId())
                    .field("workCategory", l.workCategory())
                    .field("usageType", l.usageType().wireName())
                    .field("unitKind", l.unitKind().wireName())
                    .field("status", l.status().name())
                    .field("tariffId", l.tariffId())
                    .field("pricedWith", l.pricedWith())
                    .field("disputed", l.disputed())
                    .field("backClaim", l.backClaim())
                    .field("correctsPeriod", l.correctsPeriod())
                    .field("events", l.events())
                    .field("units", l.units())
                    .decimalField("attributedUnits", l.attributedUnits())
                    .moneyField("amount", l.amount());
            if (l.claim() != null) {
                // only a claim's adjustment has these members: every other line keeps its bytes
                ClaimPointer c = l.claim();
                j.field("claimId", c.claimId());
                if (c.statementId() == null) {
                    j.name("corrects").value((String) null);
                } else {
                    j.name("corrects").beginObject()
                            .field("statementId", c.statementId())
                            .field("section", c.section())
                            .field("lineNumber", c.lineNumber())
                            .endObject();
                }
            }
            j.endObject();
        }
        j.endArray();
    }
}
