export default function HomePage() {
  return (
    <main style={{ padding: '2rem', maxWidth: 720 }}>
      <h1>Livefolio</h1>
      <p>
        The market data server is running. The live dashboard comes next; meanwhile a socket.io client can
        connect to this origin and speak the protocol in <code>docs/protocol.md</code>.
      </p>
    </main>
  );
}
