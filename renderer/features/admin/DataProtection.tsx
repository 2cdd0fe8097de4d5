import { ErasureCard } from './ErasureCard';
import { ErasureLogCard } from './ErasureLogCard';
import { RetentionCard } from './RetentionCard';
import './privacy.css';

/** The organisation admin's data-protection work: erasure on request, its log, and what desktops keep. */
export function DataProtection() {
  return (
    <div className="data-protection">
      <ErasureCard />
      <RetentionCard />
      <ErasureLogCard />
    </div>
  );
}
