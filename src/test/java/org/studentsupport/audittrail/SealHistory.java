package org.studentsupport.audittrail;

import org.postgresql.PGConnection;
import org.postgresql.copy.CopyIn;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * Seals audit history that was bulk-loaded ahead of the sealing order (the load harness's generated
 * events, txid 1): the same canonical form and chain as {@link AuditSealer}, positions from 1, one
 * signed, chained checkpoint every {@value #CHECKPOINT_EVERY} events and one at the end, seals
 * written with COPY. The running sealer then carries on from the last checkpoint's mark.
 *
 * <pre>java ... org.studentsupport.audittrail.SealHistory jdbc:postgresql://host/db user checkpoint-key</pre>
 */
public final class SealHistory {

    static final int CHECKPOINT_EVERY = 100_000;

    private SealHistory() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 3) {
            System.err.println("usage: SealHistory <jdbc-url> <user> <checkpoint-key>");
            System.exit(2);
        }
        long start = System.nanoTime();
        try (Connection connection = DriverManager.getConnection(args[0], args[1], System.getenv("PGPASSWORD"))) {
            long sealed = seal(connection, args[2]);
            System.out.printf("sealed %,d generated audit events in %.1f s%n", sealed, (System.nanoTime() - start) / 1e9);
        }
    }

    static long seal(Connection connection, String key) throws SQLException {
        connection.setAutoCommit(false);
        try (Statement st = connection.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM audit_seal")) {
            rs.next();
            if (rs.getLong(1) > 0) {
                throw new IllegalStateException("the chain is not empty: history can only be sealed before any other event");
            }
        }
        String chain = AuditChain.GENESIS;
        long position = 0;
        long previousPosition = 0;
        String previousSignature = "";
        long lastSeq = 0;
        CopyIn copy = ((PGConnection) connection.unwrap(PGConnection.class)).getCopyAPI()
                .copyIn("COPY audit_seal (position, event_id, chain_hash, format) FROM STDIN");
        StringBuilder buffer = new StringBuilder(1 << 20);
        java.util.List<AuditChain.Checkpoint> checkpoints = new java.util.ArrayList<>();
        java.util.List<String> signatures = new java.util.ArrayList<>();
        // The cursor runs on a second connection: COPY holds the first one until it ends.
        try (Connection reader = DriverManager.getConnection(connection.getMetaData().getURL(),
                connection.getMetaData().getUserName(), System.getenv("PGPASSWORD"))) {
            reader.setAutoCommit(false);
            try (PreparedStatement st = reader.prepareStatement("SELECT " + AuditChain.EVENT_COLUMNS
                    + " FROM audit_event e WHERE e.txid = CAST('1' AS xid8) ORDER BY e.seq")) {
                st.setFetchSize(10_000);
                try (ResultSet rs = st.executeQuery()) {
                    while (rs.next()) {
                        position++;
                        chain = AuditChain.next(chain, position, AuditChain.canonical(AuditChain.FORMAT, rs, 1));
                        lastSeq = rs.getLong(19);
                        buffer.append(position).append('\t').append(rs.getString(1)).append('\t').append(chain).append('\t')
                                .append(AuditChain.FORMAT).append('\n');
                        if (buffer.length() > (1 << 20) - 200) {
                            byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
                            copy.writeToCopy(bytes, 0, bytes.length);
                            buffer.setLength(0);
                        }
                        if (position % CHECKPOINT_EVERY == 0) {
                            AuditChain.Checkpoint c = new AuditChain.Checkpoint(position, chain, previousPosition, previousSignature, "1", lastSeq);
                            checkpoints.add(c);
                            previousSignature = AuditChain.sign(key, c);
                            signatures.add(previousSignature);
                            previousPosition = position;
                        }
                    }
                }
            }
            reader.commit();
        }
        if (position > 0 && previousPosition != position) {
            AuditChain.Checkpoint c = new AuditChain.Checkpoint(position, chain, previousPosition, previousSignature, "1", lastSeq);
            checkpoints.add(c);
            signatures.add(AuditChain.sign(key, c));
        }
        byte[] bytes = buffer.toString().getBytes(StandardCharsets.UTF_8);
        copy.writeToCopy(bytes, 0, bytes.length);
        copy.endCopy();
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO audit_checkpoint (position, chain_hash, signature,"
                + " format, previous_position, last_txid, last_seq) VALUES (?, ?, ?, ?, ?, CAST(? AS xid8), ?)")) {
            for (int i = 0; i < checkpoints.size(); i++) {
                AuditChain.Checkpoint c = checkpoints.get(i);
                insert.setLong(1, c.position());
                insert.setString(2, c.chainHash());
                insert.setString(3, signatures.get(i));
                insert.setInt(4, AuditChain.FORMAT);
                insert.setLong(5, c.previousPosition());
                insert.setString(6, c.lastTxid());
                insert.setLong(7, c.lastSeq());
                insert.addBatch();
            }
            insert.executeBatch();
        }
        try (Statement st = connection.createStatement()) {
            st.execute("SELECT setval('audit_seal_position', " + (position + 1) + ", false)");
            st.execute("UPDATE audit_seal_commit SET committed_to = " + position);
        }
        connection.commit();
        if (!checkpoints.isEmpty()) {
            AuditChain.Checkpoint last = checkpoints.get(checkpoints.size() - 1);
            System.out.println("Audit checkpoint: " + PublishedCheckpoint.line(last.position(), last.chainHash(),
                    signatures.get(signatures.size() - 1)));
        }
        return position;
    }
}
