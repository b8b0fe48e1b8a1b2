package io.fairshare.payout.iso20022;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;

/**
 * A written pain.001.001.09 message and the figures of its group header, so that a caller can compare them
 * with the ledger without parsing the XML.
 *
 * @param messageId            GrpHdr/MsgId (the run id)
 * @param numberOfTransactions GrpHdr/NbOfTxs
 * @param controlSum           GrpHdr/CtrlSum: the sum of every InstdAmt, whatever its currency
 * @param xml                  the document, UTF-8
 */
public record Pain001File(String messageId, long numberOfTransactions, BigDecimal controlSum, String xml) {
    public byte[] bytes() {
        return xml.getBytes(StandardCharsets.UTF_8);
    }
}
